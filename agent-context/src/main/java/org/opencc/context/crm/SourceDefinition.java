package org.opencc.context.crm;

import com.fasterxml.jackson.core.JsonPointer;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One configured source after validation ({@link SourceDefinitions}): what to call, how long to wait, and where
 * its answer goes in the context document.
 *
 * @param baseUrl the source's base URL, without a trailing slash
 * @param section the member of {@code records} this source fills (for {@link Into#RECORDS})
 * @param map document member → JSON Pointer into the answer; empty: the whole answer
 * @param sensitive member names (lower case) masked for agents
 */
public record SourceDefinition(String name, String baseUrl, PathTemplate path, Into into, String section,
        Duration timeout, boolean required, Duration cacheTtl, int maxBodyBytes, int maxConcurrent,
        Optional<SecretHeader> auth, Map<String, JsonPointer> map, Set<String> sensitive) {

    /** The URI of a call for the subject; throws {@link PathTemplate.MissingVariable} when a value is missing. */
    public URI uri(ContextSubject subject) {
        return URI.create(baseUrl + path.expand(subject));
    }

    /** Where a source's answer goes. */
    public enum Into {
        /** Merged into {@code customer} (the first source by name wins a member). */
        CUSTOMER,
        /** Put under {@code records.<section>}. */
        RECORDS
    }

    /** A header whose value is a secret: never printed. */
    public record SecretHeader(String name, String value) {
        @Override
        public String toString() {
            return name + ": (secret)";
        }
    }
}
