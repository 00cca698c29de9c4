package org.opencc.gateway.reply;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Twilio SDK's HTTP client, sending to {@code cc.gateway.twilio-api-base} instead of the host the SDK chose
 * (path, query, form and auth kept), and trying each request once: the SDK retries a 5xx by default, and a retried
 * POST of a message Twilio may already have accepted could text the customer twice. The reply's intent row
 * decides what happens after a failure instead.
 */
final class ApiBaseHttpClient extends NetworkHttpClient {
    private final String baseUrl;

    /** @param baseUrl scheme, host and port (and an optional path prefix), e.g. {@code https://api.twilio.com} */
    ApiBaseHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @Override
    public Response reliableRequest(Request request) {
        return reliableRequest(request, new int[0], 1, 0L);
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(new Rerouted(request, baseUrl));
    }

    /** The same request, whose URL keeps only the original path and query. */
    private static final class Rerouted extends Request {
        private final String baseUrl;

        Rerouted(Request original, String baseUrl) {
            super(original.getMethod(), original.getUrl());
            this.baseUrl = baseUrl;
            copy(original.getQueryParams(), this::addQueryParam);
            copy(original.getPostParams(), this::addPostParam);
            copy(original.getHeaderParams(), this::addHeaderParam);
            if (original.getAuthStrategy() != null) {
                setAuth(original.getAuthStrategy());
            } else if (original.getUsername() != null) {
                setAuth(original.getUsername(), original.getPassword());
            }
            setContentType(original.getContentType());
            setBody(original.getBody());
            setFormParameters(original.getFormParameters());
        }

        private static void copy(Map<String, List<String>> params, BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
        }

        @Override
        public URL constructURL() {
            URI twilio = URI.create(super.constructURL().toString());
            String query = twilio.getRawQuery() == null ? "" : "?" + twilio.getRawQuery();
            try {
                return URI.create(baseUrl + twilio.getRawPath() + query).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad Twilio API base URL " + baseUrl, e);
            }
        }
    }
}
