package org.opencc.taskrouter.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.opencc.support.erasure.PersonalData;

/**
 * What task-router holds about a customer: the pseudonymous {@code customer_key} the gateway puts into task
 * attributes (never a phone number or a message: the gateway keeps those). Erasure takes the key out of the
 * attributes of every task that carries it, so no task leads back to the customer; routing history stays.
 */
@ApplicationScoped
public class TaskPersonalData implements PersonalData {
    private static final String MEMBER = "customer_key";
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;

    public TaskPersonalData(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    @Override
    public long erase(List<String> customerKeys) {
        Set<String> keys = new HashSet<>(customerKeys);
        Map<String, String> rewritten = new LinkedHashMap<>();
        // a text match finds the candidates; the JSON decides (attributes may be anything a REST caller sent)
        String find = "SELECT sid, attributes FROM task WHERE attributes LIKE ANY (?) FOR UPDATE";
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(find)) {
                ps.setArray(1, c.createArrayOf("text", customerKeys.stream().map(k -> "%" + k + "%").toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String sid = rs.getString("sid");
                        withoutKey(rs.getString("attributes"), keys).ifPresent(a -> rewritten.put(sid, a));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE task SET attributes = ? WHERE sid = ?")) {
                for (Map.Entry<String, String> task : rewritten.entrySet()) {
                    ps.setString(1, task.getValue());
                    ps.setString(2, task.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return rewritten.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot erase customer keys from task attributes", e);
        }
    }

    private Optional<String> withoutKey(String attributes, Set<String> keys) {
        try {
            JsonNode node = json.readTree(attributes);
            if (node instanceof ObjectNode object && keys.contains(object.path(MEMBER).asText(null))) {
                object.remove(MEMBER);
                return Optional.of(json.writeValueAsString(object));
            }
        } catch (IOException e) {
            // not JSON: it cannot carry the member
        }
        return Optional.empty();
    }
}
