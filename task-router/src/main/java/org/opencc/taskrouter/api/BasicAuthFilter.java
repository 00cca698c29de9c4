package org.opencc.taskrouter.api;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.opencc.support.security.Roles;
import org.opencc.taskrouter.config.RouterConfig;

/**
 * Authentication on every TaskRouter path. HTTP Basic with the account SID and auth token, as Twilio's REST API
 * does, may do everything; so may a JWT ({@code Authorization: Bearer}) with role {@code admin}. A JWT with role
 * {@code agent} acts for the worker of its {@code worker_sid} claim within {@link AgentAccess}. Failures answer
 * Twilio's errors (401 code 20003, 403 code 20403) so SDKs raise their usual exceptions.
 */
public class BasicAuthFilter {
    private static final int AUTHENTICATE = 20003;
    private static final int FORBIDDEN = 20403;
    private final byte[] expected;
    private final String accountSid;
    private final JWTParser tokens;

    public BasicAuthFilter(RouterConfig config, JWTParser tokens) {
        this.expected = (config.accountSid() + ":" + config.authToken()).getBytes(StandardCharsets.UTF_8);
        this.accountSid = config.accountSid();
        this.tokens = tokens;
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
                    request.setProperty(RouterCaller.PROPERTY, RouterCaller.account(accountSid));
                    return null;
                }
            } catch (IllegalArgumentException e) {
                // not base64: same answer as wrong credentials
            }
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return bearer(request, path, header.substring(7).trim());
        }
        return unauthorized("Authenticate");
    }

    /**
     * An agent may change its worker's activity but nothing else on the worker; the form is only known after the
     * body was read, so this runs after matching, and puts the body back for the resource.
     */
    @ServerRequestFilter(readBody = true)
    public Response restrictAgentWorkerUpdate(ContainerRequestContext request) throws IOException {
        Optional<RouterCaller> caller = RouterCaller.of(request);
        String path = request.getUriInfo().getRequestUri().getRawPath();
        if (caller.isEmpty() || !caller.get().agent() || !AgentAccess.isWorkerUpdate(request.getMethod(), path)) {
            return null;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (!AgentAccess.WORKER_UPDATE_PARAMETERS.contains(name)) {
                return forbidden("an agent token may only change its worker's ActivitySid, not " + name);
            }
        }
        return null;
    }

    private Response bearer(ContainerRequestContext request, String path, String token) {
        JsonWebToken jwt;
        try {
            jwt = tokens.parse(token);
        } catch (ParseException e) {
            return unauthorized("Authenticate: the token is invalid or has expired");
        }
        Set<String> roles = jwt.getGroups() == null ? Set.of() : jwt.getGroups();
        if (roles.contains(Roles.ADMIN)) {
            request.setProperty(RouterCaller.PROPERTY, new RouterCaller(jwt.getSubject(), false, null));
            return null;
        }
        if (roles.contains(Roles.SUPERVISOR) && !roles.contains(Roles.AGENT)) {
            // supervisors read everything (statistics, tasks, routing explanations: reporting's journeys ask with
            // the supervisor's own token) and change nothing
            if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
                return forbidden("a supervisor token may only read (GET), not " + request.getMethod());
            }
            request.setProperty(RouterCaller.PROPERTY, new RouterCaller(jwt.getSubject(), false, null));
            return null;
        }
        if (!roles.contains(Roles.AGENT)) {
            return forbidden("TaskRouter needs a token with role admin, supervisor or agent");
        }
        String workerSid = workerSid(jwt);
        if (workerSid == null || workerSid.isEmpty()) {
            return forbidden("the agent token names no worker (claim " + Roles.WORKER_SID_CLAIM + ")");
        }
        Optional<String> denial = AgentAccess.denial(request.getMethod(), path, workerSid);
        if (denial.isPresent()) {
            return forbidden(denial.get());
        }
        request.setProperty(RouterCaller.PROPERTY, new RouterCaller(jwt.getSubject(), true, workerSid));
        return null;
    }

    private static String workerSid(JsonWebToken jwt) {
        Object claim = jwt.getClaim(Roles.WORKER_SID_CLAIM);
        if (claim instanceof JsonString text) {
            return text.getString();
        }
        return claim == null ? null : claim.toString();
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(TwilioErrorRenderer.twilio(401, AUTHENTICATE, message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"TaskRouter\"").build();
    }

    private static Response forbidden(String why) {
        return TwilioErrorRenderer.twilio(403, FORBIDDEN, "Forbidden: " + why);
    }
}
