package org.opencc.taskrouter.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.opencc.taskrouter.config.RouterConfig;

/**
 * HTTP Basic with the account SID and auth token on every TaskRouter path, as Twilio's REST API does; a failure
 * answers Twilio's 20003 error so SDKs raise their usual authentication exception.
 */
public class BasicAuthFilter {
    private final byte[] expected;

    public BasicAuthFilter(RouterConfig config) {
        this.expected = (config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8);
    }

    @ServerRequestFilter(preMatching = true)
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (!path.startsWith(TwilioErrorRenderer.TASKROUTER_PREFIX)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                byte[] given = Base64.getDecoder().decode(header.substring(6).trim());
                if (MessageDigest.isEqual(given, expected)) {
                    return null;
                }
            } catch (IllegalArgumentException e) {
                // not base64: same answer as wrong credentials
            }
        }
        return Response.fromResponse(TwilioErrorRenderer.twilio(401, 20003, "Authenticate"))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"TaskRouter\"").build();
    }
}
