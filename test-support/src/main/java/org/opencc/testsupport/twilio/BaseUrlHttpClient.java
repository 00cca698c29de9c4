package org.opencc.testsupport.twilio;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;

/**
 * Sends the Twilio SDK's requests to our base URL instead of {@code https://<product>.twilio.com}. The SDK
 * builds its URLs itself; this client keeps the path, query, form and auth of each request and swaps the origin.
 *
 * <pre>{@code
 * TwilioRestClient client = new TwilioRestClient.Builder(accountSid, authToken)
 *         .httpClient(new BaseUrlHttpClient("http://localhost:8082"))
 *         .build();
 * Workspace workspace = Workspace.creator("Support").create(client);
 * }</pre>
 */
public class BaseUrlHttpClient extends NetworkHttpClient {
    private final String baseUrl;

    /** @param baseUrl scheme, host and port (and an optional path prefix), e.g. {@code http://localhost:8082} */
    public BaseUrlHttpClient(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
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

        private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
        }

        @Override
        public URL constructURL() {
            URI twilio = URI.create(super.constructURL().toString());
            String query = twilio.getRawQuery() == null ? "" : "?" + twilio.getRawQuery();
            try {
                return URI.create(baseUrl + twilio.getRawPath() + query).toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad base URL " + baseUrl, e);
            }
        }
    }
}
