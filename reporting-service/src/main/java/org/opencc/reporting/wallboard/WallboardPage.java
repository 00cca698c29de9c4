package org.opencc.reporting.wallboard;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * {@code GET /wallboard} redirects to {@code /wallboard/}, where the static page is served, so that the page's
 * relative links (script, style) resolve there, also behind a proxy that mounts the service under a prefix.
 */
@Path("/wallboard")
@PermitAll
public class WallboardPage {
    @GET
    public Response page() {
        return Response.seeOther(URI.create("wallboard/")).build();
    }
}
