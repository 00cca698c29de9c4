package org.opencc.testsupport.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.opencc.contracts.Topics;

/**
 * A real single-node Kafka (KRaft, combined broker and controller) in this JVM, on fixed loopback ports so it
 * can be stopped and started again at the same address: that is how tests show nothing is lost while Kafka is
 * down. One per test JVM: use {@link #shared()}.
 */
public final class KafkaBroker {
    private static KafkaBroker shared;

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private KafkaBroker(Path dataDir, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** The broker of this JVM, started on first use with every topic in {@link Topics#all()}. */
    public static synchronized KafkaBroker shared() {
        if (shared == null) {
            try {
                KafkaBroker broker = new KafkaBroker(Files.createTempDirectory("cc-kafka-"), freePort(), freePort());
                broker.format();
                broker.start();
                broker.createTopics(Topics.all());
                Runtime.getRuntime().addShutdownHook(new Thread(broker::stop, "kafka-broker-stop"));
                shared = broker;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the test Kafka broker", e);
            }
        }
        return shared;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private void format() throws IOException {
        KafkaNodeConfig.writeAndFormat(dataDir, port, controllerPort, "test broker");
    }

    /** Starts the broker (again) at the same address and waits until it accepts connections. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        server = new KafkaRaftServer(KafkaConfig.fromProps(KafkaNodeConfig.properties(dataDir, port, controllerPort)), Time.SYSTEM);
        server.startup();
        awaitReachable(Duration.ofSeconds(60));
    }

    /** Stops the broker; its data stays for {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Creates topics with {@link Topics#PARTITIONS} partitions; existing ones are left alone. */
    public void createTopics(List<String> topics) {
        try (Admin admin = admin()) {
            List<NewTopic> requested = new ArrayList<>();
            for (String topic : topics) {
                NewTopic created = new NewTopic(topic, Topics.PARTITIONS, (short) 1);
                requested.add(Topics.all().contains(topic) ? created.configs(Topics.config(topic)) : created);
            }
            admin.createTopics(requested).values().forEach((name, future) -> {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    private void awaitReachable(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get();
                return;
            } catch (Exception e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("Kafka did not become reachable within " + timeout);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
