package org.opencc.testsupport.postgres;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} its service's test database ({@code <quarkus.application.name>_test} with dashes
 * as underscores, or the {@code database} init argument), created afresh once per test JVM; Flyway migrates it
 * at start.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        String name = database != null ? database
                : org.eclipse.microprofile.config.ConfigProvider.getConfig()
                        .getValue("quarkus.application.name", String.class).replace('-', '_') + "_test";
        String jdbc = PostgresDatabase.freshForThisJvm(name);
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbc,
                "quarkus.datasource.username", PostgresDatabase.user(),
                "quarkus.datasource.password", PostgresDatabase.password());
    }

    @Override
    public void stop() {}
}
