package org.opencc.compliance.policy;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/**
 * The deployment's policy, loaded once at start-up from {@code cc.compliance.policy-file} (else the bundled
 * defaults). Eager, so an invalid file stops the service from starting instead of failing its first decision.
 */
@Startup
@ApplicationScoped
public class PolicyStore {
    /** The bundled defaults, on the class path. */
    public static final String DEFAULT_RESOURCE = "policies/default-policies.json";

    private static final Logger LOG = Logger.getLogger(PolicyStore.class);

    private final Policy policy;

    public PolicyStore(ComplianceConfig config) {
        String source = config.policyFile().orElse("classpath:" + DEFAULT_RESOURCE);
        this.policy = PolicyLoader.load(source, read(config));
        LOG.infof("recording policy %s loaded from %s: %d jurisdictions, regions %s", policy.version(), source,
                policy.jurisdictions().size(), policy.regions().keySet());
    }

    public Policy current() {
        return policy;
    }

    private static String read(ComplianceConfig config) {
        try {
            if (config.policyFile().isPresent()) {
                return Files.readString(Path.of(config.policyFile().get()), StandardCharsets.UTF_8);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(DEFAULT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the policy file", e);
        }
    }
}
