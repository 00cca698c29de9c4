package org.opencc.context.crm;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.opencc.context.config.ContextConfig;

/** Source definitions from properties, through the same SmallRye mapping the service uses. */
final class SourceConfigs {
    private SourceConfigs() {}

    static ContextConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(ContextConfig.class)
                .withConverter(Duration.class, 100, new DurationConverter()) // "300ms", "2s", "90d" as in Quarkus
                .withSources(new PropertiesConfigSource(new HashMap<>(properties), "test", 500))
                .build();
        return config.getConfigMapping(ContextConfig.class);
    }

    static List<SourceDefinition> definitions(Map<String, String> properties, UnaryOperator<String> environment) {
        return SourceDefinitions.from(config(properties), environment);
    }

    static SourceDefinition one(Map<String, String> properties) {
        List<SourceDefinition> all = definitions(properties, name -> null);
        if (all.size() != 1) {
            throw new IllegalStateException("expected one source, got " + all);
        }
        return all.get(0);
    }
}
