package org.opencc.compliance.erasure;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opencc.compliance.audit.AuditService;
import org.opencc.compliance.fanout.FanOutServices;
import org.opencc.compliance.fanout.ServiceStatus;
import org.opencc.contracts.Stage;
import org.opencc.contracts.compliance.ErasureCompleted;
import org.opencc.contracts.compliance.ErasureRequested;
import org.opencc.support.ids.Sids;
import org.opencc.support.outbox.OutboxWriter;
import org.opencc.support.privacy.CustomerKeyRule;
import org.opencc.support.problem.FieldError;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.problem.ProblemType;
import org.opencc.support.tracing.StageSpans;

/**
 * Erasure requests: turns identifiers into customer keys, publishes {@code erasure.requested} to every service,
 * records their {@code erasure.completed} answers, and publishes again to those that have not answered. The
 * identifiers never leave this class: only keys are stored, published and audited.
 */
@ApplicationScoped
public class ErasureRequests {
    /** At most this many identifiers per request. */
    static final int MAX_IDENTIFIERS = 100;
    private static final Logger LOG = Logger.getLogger(ErasureRequests.class);
    private static final Pattern CUSTOMER_KEY = Pattern.compile("ck_[A-Za-z0-9_-]{1,64}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final ErasureRepository requests;
    private final OutboxWriter outbox;
    private final AuditService audit;
    private final Clock clock;
    private final FanOutServices services;
    private final Optional<CustomerKeyRule> keys;

    public ErasureRequests(ErasureRepository requests, OutboxWriter outbox, AuditService audit, Clock clock,
            FanOutServices services,
            @ConfigProperty(name = "cc.pseudonym-secret") Optional<String> pseudonymSecret) {
        this.requests = requests;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.services = services;
        this.keys = pseudonymSecret.filter(s -> !s.isBlank()).map(CustomerKeyRule::new);
        if (keys.isEmpty()) {
            LOG.warn("no pseudonym secret (GATEWAY_PSEUDONYM_SECRET): erasure requests accept customer keys only");
        }
    }

    /** A request created, or the existing one for the same customers (then {@code created} is false). */
    public record Outcome(ErasureStatus status, boolean created) {}

    @Transactional
    public Outcome request(ErasureRequestBody body, String requestedBy) {
        StageSpans.current(Stage.COMPLIANCE);
        List<String> customerKeys = customerKeys(body == null ? new ErasureRequestBody(null, null, null) : body);
        String fingerprint = fingerprint(customerKeys);
        Optional<ErasureRepository.Stored> existing = requests.byFingerprint(fingerprint);
        if (existing.isPresent()) {
            return new Outcome(status(existing.get()), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String id = Sids.next("ER");
        if (!requests.insert(id, fingerprint, customerKeys, requestedBy, now)) {
            // the same customers, asked concurrently: the other request stands
            return new Outcome(status(requests.byFingerprint(fingerprint).orElseThrow()), false);
        }
        publish(id, customerKeys, 1, requestedBy, now);
        Span.current().setAttribute("cc.erasure.request_id", id);
        return new Outcome(status(requests.byId(id).orElseThrow()), true);
    }

    public Optional<ErasureStatus> find(String id) {
        return requests.byId(id).map(this::status);
    }

    /** Records a service's answer; completes the request when every expected service has answered. */
    @Transactional
    public void answered(ErasureCompleted answer) {
        Optional<ErasureRepository.Stored> request = requests.byId(answer.requestId());
        if (request.isEmpty()) {
            LOG.warnf("an answer to unknown erasure request %s from %s", answer.requestId(), answer.service());
            return;
        }
        requests.table().answer(answer.requestId(), answer.service(), answer.records(), answer.completedAt());
        if (services.allAnswered(requests.table().answers(answer.requestId()))) {
            requests.table().complete(answer.requestId(), clock.instant());
        }
    }

    /** Publishes again every incomplete request last published before {@code before}. */
    @Transactional
    public int retry(Instant before) {
        Instant now = clock.instant();
        return requests.table().retry(before, now, ErasureRepository::stored,
                (request, attempt) -> publish(request.id(), request.customerKeys(), attempt, "compliance-service",
                        now));
    }

    private void publish(String id, List<String> customerKeys, int attempt, String actor, Instant at) {
        ErasureRequested event = new ErasureRequested(id, customerKeys, attempt, at);
        UUID eventId = outbox.append(event);
        audit.recordPublished(eventId.toString(), event, actor, at);
    }

    private ErasureStatus status(ErasureRepository.Stored request) {
        List<ServiceStatus> parts = services.statuses(requests.table().answers(request.id()));
        return new ErasureStatus(request.id(), request.completedAt() == null ? "pending" : "complete",
                request.customerKeys().size(), parts, request.attempts(), request.requestedBy(),
                request.requestedAt(), request.completedAt());
    }

    /** Every identifier as a customer key, sorted and distinct; a problem for anything malformed. */
    private List<String> customerKeys(ErasureRequestBody body) {
        List<FieldError> errors = new ArrayList<>();
        TreeSet<String> result = new TreeSet<>();
        List<String> phones = body.phoneNumbers() == null ? List.of() : body.phoneNumbers();
        List<String> emails = body.emails() == null ? List.of() : body.emails();
        List<String> given = body.customerKeys() == null ? List.of() : body.customerKeys();
        int total = phones.size() + emails.size() + given.size();
        if (total == 0) {
            errors.add(new FieldError("phone_numbers", "name at least one phone number, e-mail or customer key"));
        } else if (total > MAX_IDENTIFIERS) {
            errors.add(new FieldError("phone_numbers", "at most " + MAX_IDENTIFIERS + " identifiers per request"));
        }
        if ((!phones.isEmpty() || !emails.isEmpty()) && keys.isEmpty()) {
            errors.add(new FieldError("phone_numbers", "this deployment has no pseudonym secret"
                    + " (GATEWAY_PSEUDONYM_SECRET): name customer keys instead"));
        }
        if (errors.isEmpty()) {
            for (int i = 0; i < phones.size(); i++) {
                String e164 = e164(phones.get(i));
                if (e164 == null) {
                    // the value itself is not echoed: it may be a real number
                    errors.add(new FieldError("phone_numbers[" + i + "]", "must be a phone number in E.164 form,"
                            + " e.g. +14155550100"));
                } else {
                    result.add(keys.get().of(e164));
                }
            }
            for (int i = 0; i < emails.size(); i++) {
                String email = emails.get(i) == null ? "" : emails.get(i).strip().toLowerCase(Locale.ROOT);
                if (!EMAIL.matcher(email).matches()) {
                    errors.add(new FieldError("emails[" + i + "]", "must be an e-mail address"));
                } else {
                    result.add(keys.get().of(email));
                }
            }
            for (int i = 0; i < given.size(); i++) {
                String key = given.get(i);
                if (key == null || !CUSTOMER_KEY.matcher(key).matches()) {
                    errors.add(new FieldError("customer_keys[" + i + "]", "must be ck_ followed by 1-64 letters,"
                            + " digits, '_' or '-'"));
                } else {
                    result.add(key);
                }
            }
        }
        if (!errors.isEmpty()) {
            String detail = String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
            throw new ProblemException(ProblemType.VALIDATION, detail, errors);
        }
        return List.copyOf(result);
    }

    private static String e164(String number) {
        if (number == null || !number.strip().startsWith("+")) {
            return null;
        }
        try {
            var parsed = PHONES.parse(number.strip(), null);
            return PHONES.isPossibleNumber(parsed) ? PHONES.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164)
                    : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private static String fingerprint(List<String> sortedKeys) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", sortedKeys).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
