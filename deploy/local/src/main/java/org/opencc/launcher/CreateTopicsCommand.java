package org.opencc.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.opencc.contracts.Topics;

/**
 * {@code create-topics BOOTSTRAP}: creates every topic of {@link Topics#all()} with {@link Topics#PARTITIONS}
 * partitions; topics that exist already are left as they are.
 */
final class CreateTopicsCommand implements Command {
    @Override
    public String usage() {
        return "BOOTSTRAP";
    }

    @Override
    public int run(List<String> args) throws Exception {
        if (args.size() != 1) {
            throw LauncherException.usage("expected the bootstrap servers, e.g. 127.0.0.1:19092");
        }
        String bootstrap = args.get(0);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (Admin admin = Admin.create(config)) {
            List<NewTopic> requested = new ArrayList<>();
            for (String topic : Topics.all()) {
                requested.add(new NewTopic(topic, Topics.PARTITIONS, (short) 1).configs(Topics.config(topic)));
            }
            Map<String, KafkaFuture<Void>> results = admin.createTopics(requested).values();
            for (String topic : Topics.all()) {
                String state;
                try {
                    results.get(topic).get(40, TimeUnit.SECONDS);
                    state = "created";
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw LauncherException.failed("cannot create topic " + topic + " on " + bootstrap
                                + ": " + Launcher.oneLine(e.getCause()));
                    }
                    state = "exists";
                } catch (java.util.concurrent.TimeoutException e) {
                    throw new LauncherException("Kafka at " + bootstrap + " did not answer within 40 s",
                            LauncherException.TIMEOUT);
                }
                System.out.println("topic " + topic + " (" + Topics.PARTITIONS + " partitions, retention "
                        + Topics.retention(topic).toDays() + " days): " + state);
            }
        }
        return 0;
    }
}
