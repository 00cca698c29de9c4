package org.opencc.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.Topics;
import org.opencc.testsupport.kafka.KafkaBroker;

/** The topics really are created with the retention EVENTS.md states (test broker; the launcher uses the same). */
class TopicRetentionTest {
    @Test
    void everyTopicIsCreatedWithItsRetention() throws Exception {
        try (Admin admin = KafkaBroker.shared().admin()) {
            List<ConfigResource> topics = Topics.all().stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(topics).all().get(30, TimeUnit.SECONDS);
            for (ConfigResource topic : topics) {
                assertEquals(Long.toString(Topics.retention(topic.name()).toMillis()),
                        configs.get(topic).get("retention.ms").value(), topic.name());
            }
        }
    }
}
