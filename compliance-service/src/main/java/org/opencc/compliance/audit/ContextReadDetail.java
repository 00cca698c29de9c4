package org.opencc.compliance.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.opencc.contracts.EventCodec;
import org.opencc.contracts.context.ContextDenied;
import org.opencc.contracts.context.ContextEvent;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.SourceOutcome;

/**
 * What a context read touched, kept as an audit entry's {@code detail}: which members of whose context, which
 * of them masked, how each CRM source did, or why the read was refused. Names and statuses copied member by
 * member, never values, latencies or budgets: the audit answers "who saw what", the journey answers "who was
 * slow". Members the event did not carry are left out rather than written as null.
 *
 * @param readId the read's id ({@code CX…}), also in agent-context's log line and span for the read
 * @param customerKey the pseudonymous key of the customer whose context it was, when the read got that far
 * @param fields member paths served ({@code customer.name}); served reads only
 * @param maskedFields member paths served masked; served reads only
 * @param sources each source's name and status; served reads only
 * @param partial whether a source's answer was missing or stale; served reads only
 * @param reason why the read was refused; refused reads only
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@RegisterForReflection
record ContextReadDetail(String readId, String customerKey, List<String> fields, List<String> maskedFields,
        List<SourceStatus> sources, Boolean partial, String reason) {

    /** One source's outcome without its timings. */
    @RegisterForReflection
    record SourceStatus(String name, String status) {}

    /** The detail of a read, null for a context event type this service has no detail for. */
    static ContextReadDetail of(ContextEvent event) {
        if (event instanceof ContextServed served) {
            List<SourceStatus> sources = served.sources() == null ? null
                    : served.sources().stream().map(ContextReadDetail::status).toList();
            return new ContextReadDetail(served.readId(), served.customerKey(), served.fields(),
                    served.maskedFields(), sources, served.partial(), null);
        }
        if (event instanceof ContextDenied denied) {
            return new ContextReadDetail(denied.readId(), denied.customerKey(), null, null, null, null,
                    denied.reason());
        }
        return null;
    }

    /** As JSON text (snake_case members), for the {@code detail} jsonb column. */
    String json() {
        try {
            return EventCodec.mapper().writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the detail of context read " + readId, e);
        }
    }

    // a null entry in a producer's list stays visible as a null rather than failing the whole record
    private static SourceStatus status(SourceOutcome outcome) {
        return outcome == null ? null : new SourceStatus(outcome.name(), outcome.status());
    }
}
