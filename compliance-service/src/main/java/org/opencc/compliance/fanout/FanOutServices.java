package org.opencc.compliance.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The services that must answer every erasure request and every retention purge ({@code cc.erasure.services}),
 * and where a request stands with each of them.
 */
@ApplicationScoped
public class FanOutServices {
    private final List<String> services;

    public FanOutServices(@ConfigProperty(name = "cc.erasure.services") List<String> services) {
        this.services = List.copyOf(services);
    }

    public List<String> names() {
        return services;
    }

    /** Whether every expected service has answered. */
    public boolean allAnswered(Map<String, FanOutTable.Answer> answers) {
        return answers.keySet().containsAll(services);
    }

    /** Each expected service's part, in configuration order. */
    public List<ServiceStatus> statuses(Map<String, FanOutTable.Answer> answers) {
        List<ServiceStatus> parts = new ArrayList<>();
        for (String service : services) {
            FanOutTable.Answer answer = answers.get(service);
            parts.add(answer == null ? new ServiceStatus(service, "pending", null, null)
                    : new ServiceStatus(service, "done", answer.records(), answer.answeredAt()));
        }
        return parts;
    }
}
