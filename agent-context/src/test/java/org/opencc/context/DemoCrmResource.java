package org.opencc.context;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.opencc.testsupport.crm.DemoCrm;

/**
 * Starts a {@link DemoCrm} on a free port and points {@code cc.context.sources.demo-crm.url} at it. Tests steer it over HTTP
 * ({@link CrmControl}), which works whichever class loader this resource and the test class live in.
 */
public class DemoCrmResource implements QuarkusTestResourceLifecycleManager {
    private DemoCrm crm;

    @Override
    public Map<String, String> start() {
        crm = new DemoCrm(0);
        return Map.of("cc.context.sources.demo-crm.url", crm.baseUrl());
    }

    @Override
    public void stop() {
        if (crm != null) {
            crm.close();
        }
    }
}
