package org.opencc.taskrouter.callback;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The part of a customer's callback URL that may leave task-router in an event: host and port. The path and the
 * query (and any user info) may carry credentials or personal data, so they never do.
 */
public final class CallbackHost {
    private CallbackHost() {}

    /** {@code host} or {@code host:port} of {@code url}; null when the URL has no host or cannot be parsed. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            String host = uri.getHost();
            if (host == null) {
                // a host java.net.URI does not take as a server name (e.g. with an underscore): the authority
                // without its user info
                String authority = uri.getRawAuthority();
                return authority == null ? null : authority.substring(authority.lastIndexOf('@') + 1);
            }
            return uri.getPort() == -1 ? host : host + ":" + uri.getPort();
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
