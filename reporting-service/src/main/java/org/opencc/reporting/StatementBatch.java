package org.opencc.reporting;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Statements of a batch transaction sent together: while a batch of events is applied ({@link #open}), the
 * repositories' writes are queued here instead of each making a round trip, and just before the transaction commits
 * they go to PostgreSQL as one JDBC batch per statement, in {@link Order}: every task's creation before any queue
 * entry, entries before status changes, so a task's state comes out as applying its events one by one would leave
 * it (the writes are upserts built for events arriving out of order; see {@code LiveStateRepository}), and the
 * writes whose order does not matter (task facts, the event log) after. Outside an open batch, {@link #add} answers
 * false and the caller executes at once.
 */
@ApplicationScoped
public class StatementBatch {
    private static final Object KEY = StatementBatch.class.getName();

    /** When a statement's group is sent, relative to the others. */
    public enum Order {
        TASK_CREATED, QUEUE_ENTERED, TASK_STATUS, WORKER, FACTS, EVENT_LOG, LAST
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public StatementBatch(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Starts queueing this transaction's writes; they are sent just before it commits. */
    public void open() {
        if (transactions.getResource(KEY) != null) {
            return;
        }
        Queued queued = new Queued();
        transactions.putResource(KEY, queued);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                    flush(queued);
                }
            }

            @Override
            public void afterCompletion(int status) {}
        });
    }

    /**
     * After the queued statements are sent, runs {@code sql} once if any statement of {@code orders} changed a row
     * (say, bump a version only when the state changed). Registered once per transaction and statement text.
     */
    public void whenChanged(Set<Order> orders, String sql) {
        Queued queued = (Queued) transactions.getResource(KEY);
        if (queued == null) {
            throw new IllegalStateException("no batch of statements is open in this transaction");
        }
        queued.whenChanged.putIfAbsent(sql, Set.copyOf(orders));
    }

    /** Queues one execution of {@code sql}; false (nothing queued) when no batch is open in this transaction. */
    public boolean add(Order order, String sql, Object... parameters) {
        if (transactions.getTransactionKey() == null) {
            return false;
        }
        Queued queued = (Queued) transactions.getResource(KEY);
        if (queued == null) {
            return false;
        }
        queued.groups.computeIfAbsent(order, o -> new LinkedHashMap<>())
                .computeIfAbsent(sql, s -> new ArrayList<>()).add(parameters);
        return true;
    }

    private void flush(Queued queued) {
        try (Connection connection = dataSource.getConnection()) {
            Set<Order> changed = EnumSet.noneOf(Order.class);
            for (Map.Entry<Order, Map<String, List<Object[]>>> group : queued.groups.entrySet()) {
                for (Map.Entry<String, List<Object[]>> statement : group.getValue().entrySet()) {
                    try (PreparedStatement prepared = connection.prepareStatement(statement.getKey())) {
                        for (Object[] parameters : statement.getValue()) {
                            for (int i = 0; i < parameters.length; i++) {
                                prepared.setObject(i + 1, parameters[i]);
                            }
                            prepared.addBatch();
                        }
                        for (int count : prepared.executeBatch()) {
                            if (count > 0 || count == Statement.SUCCESS_NO_INFO) {
                                changed.add(group.getKey());
                            }
                        }
                    }
                }
            }
            for (Map.Entry<String, Set<Order>> then : queued.whenChanged.entrySet()) {
                if (then.getValue().stream().anyMatch(changed::contains)) {
                    try (PreparedStatement prepared = connection.prepareStatement(then.getKey())) {
                        prepared.executeUpdate();
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the batch's live state, facts and event log", e);
        }
    }

    /** One transaction's queued statements: by order, then by statement text in first-use order. */
    private static final class Queued {
        private final Map<Order, Map<String, List<Object[]>>> groups = new TreeMap<>();
        private final Map<String, Set<Order>> whenChanged = new LinkedHashMap<>();
    }
}
