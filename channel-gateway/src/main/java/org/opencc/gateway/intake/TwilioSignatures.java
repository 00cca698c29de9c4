package org.opencc.gateway.intake;

import com.twilio.security.RequestValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.opencc.gateway.config.GatewayConfig;
import org.opencc.gateway.problem.ProblemTypes;
import org.opencc.support.problem.ProblemException;

/**
 * Checks {@code X-Twilio-Signature} with the Twilio SDK: an HMAC, keyed with the account's auth token, of the URL
 * Twilio called (our public URL, not the one we see behind a proxy, with its query string) and every form
 * parameter. While the auth token is rotated, a signature made with the secondary token is accepted too.
 */
@ApplicationScoped
public class TwilioSignatures {
    private final List<RequestValidator> validators;
    private final String publicUrl;

    public TwilioSignatures(GatewayConfig config) {
        List<RequestValidator> keys = new ArrayList<>();
        keys.add(new RequestValidator(config.twilioAuthToken()));
        config.twilioAuthTokenSecondary().filter(token -> !token.isBlank())
                .ifPresent(token -> keys.add(new RequestValidator(token)));
        this.validators = List.copyOf(keys);
        this.publicUrl = config.publicUrl();
    }

    /** Throws a 403 {@code signature-invalid} problem unless Twilio signed exactly this request. */
    public void verify(UriInfo uri, MultivaluedMap<String, String> form, String signature) {
        Optional<Map<String, String>> params = singleValued(form);
        if (signature == null || signature.isBlank() || params.isEmpty() || !signedByEither(url(uri), params.get(),
                signature)) {
            throw new ProblemException(ProblemTypes.SIGNATURE_INVALID,
                    "X-Twilio-Signature is missing or does not match the request");
        }
    }

    private boolean signedByEither(String url, Map<String, String> params, String signature) {
        for (RequestValidator validator : validators) {
            if (validator.validate(url, params, signature)) {
                return true;
            }
        }
        return false;
    }

    private String url(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return publicUrl + uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }

    /**
     * The SDK's check covers one value per name. Twilio never repeats a parameter on this webhook, so a form
     * that does is refused (empty) rather than checked on its first values only, which would leave the
     * others unsigned.
     */
    private static Optional<Map<String, String>> singleValued(MultivaluedMap<String, String> form) {
        Map<String, String> params = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : form.entrySet()) {
            List<String> values = entry.getValue();
            if (values.size() != 1) {
                return Optional.empty();
            }
            params.put(entry.getKey(), values.get(0));
        }
        return Optional.of(params);
    }
}
