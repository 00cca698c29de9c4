package org.opencc.gateway.region;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.opencc.gateway.config.GatewayConfig;

/**
 * Residency: the region this deployment serves ({@code cc.gateway.region}) and the other regions' gateways
 * ({@code cc.gateway.regions."<region>".url}). A message to a number of our region is ours; one to a number of
 * another region is handed to that region's gateway, or refused when it has no URL; a number may only be mapped to
 * a region named here. Checked at start-up: a misconfigured region stops the service with a message naming every
 * problem ({@link InvalidRegions}).
 */
@Startup
@ApplicationScoped
public class Regions {
    /** Span attribute on the intake span of a message handed to another region's gateway: that region. */
    public static final String SPAN_HANDED_TO = "cc.region.handed_to";
    /** The inbound messaging webhook's path, the same in every region's gateway. */
    public static final String INBOUND_PATH = "/twilio/messaging/inbound";
    /** What a region name looks like (the numbers API's rule). */
    public static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,32}");

    private static final Logger LOG = Logger.getLogger(Regions.class);
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final String own;
    /** Other regions by name (sorted), each with its gateway's base URL (no trailing slash), or empty. */
    private final Map<String, Optional<String>> others;

    @Inject
    public Regions(GatewayConfig config) {
        this(config.region(), config.regions().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url())));
        LOG.infof("region %s; other regions: %s", own, others.isEmpty() ? "none"
                : others.entrySet().stream().map(e -> e.getKey() + " -> " + e.getValue()
                        .map(url -> "hand to " + url + INBOUND_PATH).orElse("no URL, refuse"))
                        .collect(Collectors.joining(", ")));
    }

    /**
     * @param own this deployment's region
     * @param urls the other regions, each with its gateway's base URL or empty
     * @throws InvalidRegions naming every problem
     */
    Regions(String own, Map<String, Optional<String>> urls) {
        List<String> problems = new ArrayList<>();
        if (own == null || !NAME.matcher(own).matches()) {
            problems.add("cc.gateway.region: must be 1 to 32 lower-case letters, digits or dashes (was '" + own
                    + "')");
        }
        Map<String, Optional<String>> others = new TreeMap<>();
        for (Map.Entry<String, Optional<String>> entry : new TreeMap<>(urls).entrySet()) {
            String region = entry.getKey();
            String property = "cc.gateway.regions.\"" + region + "\"";
            if (!NAME.matcher(region).matches()) {
                // an environment variable cannot spell a dash in a map key: CC_GATEWAY_REGIONS__EU_WEST__URL reads
                // as "eu.west"
                problems.add(property + ": the region must be 1 to 32 lower-case letters, digits or dashes"
                        + (region.contains(".") ? " (set a region with a dash in a configuration file, not an"
                                + " environment variable, which reads the dash as '.')" : ""));
                continue;
            }
            if (region.equals(own)) {
                problems.add(property + ": is this deployment's own region (cc.gateway.region); list only the"
                        + " other regions");
                continue;
            }
            Optional<String> url = entry.getValue().map(String::strip).filter(value -> !value.isEmpty());
            if (url.isPresent()) {
                Optional<String> problem = urlProblem(url.get());
                if (problem.isPresent()) {
                    problems.add(property + ".url: " + problem.get());
                    continue;
                }
                url = url.map(value -> value.replaceAll("/+$", ""));
            }
            others.put(region, url);
        }
        if (!problems.isEmpty()) {
            throw new InvalidRegions(problems);
        }
        this.own = own;
        this.others = Collections.unmodifiableMap(others);
    }

    /** This deployment's region. */
    public String own() {
        return own;
    }

    /** Whether interactions of {@code region} are ours: it is this deployment's region. */
    public boolean serves(String region) {
        return own.equals(region);
    }

    /** Whether a number may be mapped to {@code region}: ours, or one of the configured other regions. */
    public boolean knows(String region) {
        return serves(region) || others.containsKey(region);
    }

    /**
     * Where a message to a number of another region is handed: that region's inbound webhook URL
     * ({@code <url>/twilio/messaging/inbound}); empty when the region has no URL or is not configured.
     */
    public Optional<String> inboundUrl(String region) {
        return others.getOrDefault(region, Optional.empty()).map(url -> url + INBOUND_PATH);
    }

    /** The configured other regions, sorted. */
    public List<String> others() {
        return List.copyOf(others.keySet());
    }

    /** A sentence naming the regions a number may be mapped to, for a refused mapping. */
    public String describe() {
        return "this deployment serves " + own + "; configured regions: "
                + (others.isEmpty() ? "none" : String.join(", ", others.keySet()));
    }

    /** Why {@code url} cannot be another region's gateway, or empty when it can. */
    static Optional<String> urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL: " + e.getReason());
        }
        // a URL with credentials is not echoed
        String was = uri.getRawUserInfo() == null ? " (was '" + url + "')" : "";
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            return Optional.of("must be an absolute https URL (scheme, host, optional port and path) without user"
                    + " info, query or fragment" + was);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            return Optional.of("must be https; http is allowed for a loopback host only (localhost, 127.0.0.0/8,"
                    + " ::1)" + was);
        }
        return Optional.empty();
    }

    /** True for {@code localhost} and loopback address literals; never resolves a name. */
    static boolean isLoopback(String host) {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (name.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (IPV4.matcher(name).matches()) {
            String[] octets = name.split("\\.");
            for (String octet : octets) {
                if (Integer.parseInt(octet) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(octets[0]) == 127;
        }
        if (!name.contains(":")) {
            return false;
        }
        try {
            // an IPv6 literal: parsed, never looked up (a name with ':' is no host name)
            return InetAddress.getByName(name).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The region configuration cannot work; the message lists every problem. */
    public static final class InvalidRegions extends IllegalStateException {
        private final List<String> problems;

        InvalidRegions(List<String> problems) {
            super("channel-gateway refuses to start: " + problems.size() + " problem(s) in the region"
                    + " configuration:\n  " + String.join("\n  ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }
}
