package org.opencc.taskrouter.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * This replica's one {@code LISTEN worker_events} connection: a dedicated connection outside the pool (a pooled one
 * would be handed to transactions, and LISTEN belongs to the session), read by a daemon thread that wakes the open
 * streams of each notified worker. On failure it reconnects and wakes every stream, since notifications sent while
 * it was away are lost (the streams then read what they missed from the log).
 */
@ApplicationScoped
public class WorkerEventListener {
    private static final Logger LOG = Logger.getLogger(WorkerEventListener.class);
    private static final int WAIT_MILLIS = 500;

    private final WorkerStreams streams;
    private final WorkerEventsConfig config;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    public WorkerEventListener(WorkerStreams streams, WorkerEventsConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.streams = streams;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "worker-events-listen");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return listening;
    }

    private void run() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, user.orElse(null),
                    password.filter(p -> !p.isEmpty()).orElse(null))) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + WorkerEventLog.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                streams.wakeAll();
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        for (PGNotification notification : notifications) {
                            streams.wake(notification.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("worker event listener lost its connection, reconnecting: %s", e.getMessage());
                }
            } finally {
                listening = false;
            }
            pause();
        }
    }

    private void pause() {
        if (!running) {
            return;
        }
        try {
            Thread.sleep(config.reconnectDelay().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
