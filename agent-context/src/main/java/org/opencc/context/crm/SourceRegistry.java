package org.opencc.context.crm;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;
import org.opencc.context.config.ContextConfig;

/**
 * The configured sources, built at start-up: a misconfigured source stops the service with a message naming every
 * problem ({@link SourceDefinitions.InvalidSources}), and the log lists what each read will ask.
 */
@Startup
@ApplicationScoped
public class SourceRegistry {
    private static final Logger LOG = Logger.getLogger(SourceRegistry.class);
    private final List<CrmSource> sources;

    public SourceRegistry(ContextConfig config, ObjectMapper json, Tracer tracer) {
        List<SourceDefinition> definitions = SourceDefinitions.from(config, System::getenv);
        // HTTP/1.1: no h2c upgrade round trip on plain http; one client (and connection pool) for every source
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        this.sources = definitions.stream().<CrmSource>map(d -> new HttpJsonSource(d, http, json, tracer)).toList();
        if (sources.isEmpty()) {
            LOG.warn("no context sources configured (cc.context.sources.*): context documents carry our own history"
                    + " only");
        }
        for (SourceDefinition d : definitions) {
            LOG.infof("context source %s: GET %s%s into %s, timeout %d ms%s%s", d.name(), d.baseUrl(), d.path(),
                    d.into() == SourceDefinition.Into.CUSTOMER ? "customer" : "records." + d.section(),
                    d.timeout().toMillis(), d.required() ? ", required" : "",
                    d.auth().map(a -> ", sends " + a).orElse(""));
        }
    }

    /** The sources, sorted by name. */
    public List<CrmSource> sources() {
        return sources;
    }
}
