package org.opencc.gateway.privacy;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencc.gateway.config.GatewayConfig;
import org.opencc.support.privacy.CustomerKeyRule;

/**
 * Pseudonymous customer keys: a keyed hash of the customer's number ({@link CustomerKeyRule}). Events and other
 * services see only the key; the same number always gets the same key, and without the secret the key reveals
 * nothing.
 */
@ApplicationScoped
public class CustomerKeys {
    private final CustomerKeyRule rule;

    public CustomerKeys(GatewayConfig config) {
        this.rule = new CustomerKeyRule(config.pseudonymSecret());
    }

    /** The key of {@code number} (E.164, no channel prefix). */
    public String of(String number) {
        return rule.of(number);
    }
}
