package org.opencc.compliance.policy;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Configuration of compliance-service ({@code cc.compliance.*}). */
@ConfigMapping(prefix = "cc.compliance")
public interface ComplianceConfig {
    /**
     * Path of the deployment's policy file ({@code CC_COMPLIANCE_POLICY_FILE}); unset: the bundled
     * {@code policies/default-policies.json}, defaults to review with counsel before production use.
     */
    Optional<String> policyFile();
}
