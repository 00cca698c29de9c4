package org.opencc.testsupport.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.opencc.contracts.Topics;

/**
 * A single-node KRaft Kafka (combined broker and controller) on loopback: its {@code server.properties} and the
 * one-time formatting of its log directory. Used by the test broker and by {@code ./suite}'s broker alike.
 */
public final class KafkaNodeConfig {
    private KafkaNodeConfig() {}

    /** The broker's settings; data under {@code dataDir/log}. */
    public static Properties properties(Path dataDir, int port, int controllerPort) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", dataDir.resolve("log").toAbsolutePath().toString());
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", String.valueOf(Topics.PARTITIONS));
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("num.partitions", String.valueOf(Topics.PARTITIONS));
        props.put("auto.create.topics.enable", "true");
        return props;
    }

    /**
     * Writes {@code dataDir/server.properties} and formats the log directory unless it was formatted before
     * (so topics and offsets survive a restart).
     *
     * @return whether it formatted now
     */
    public static boolean writeAndFormat(Path dataDir, int port, int controllerPort, String comment)
            throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            properties(dataDir, port, controllerPort).store(out, comment);
        }
        if (Files.exists(dataDir.resolve("log").resolve("meta.properties"))) {
            return false;
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c",
                file.toString()}, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IOException("formatting the KRaft log directory failed: "
                    + log.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim());
        }
        return true;
    }
}
