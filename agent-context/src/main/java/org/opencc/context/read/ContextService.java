package org.opencc.context.read;

import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opencc.context.assignment.AssignmentRepository;
import org.opencc.context.assignment.ReservationConfirmation;
import org.opencc.context.assignment.TaskView;
import org.opencc.context.config.ContextConfig;
import org.opencc.context.crm.ContextSubject;
import org.opencc.context.crm.CrmFanOut;
import org.opencc.context.crm.FanOutResult;
import org.opencc.context.crm.SourceReport;
import org.opencc.context.history.HistoryEntry;
import org.opencc.context.history.HistoryRepository;
import org.opencc.context.problem.ProblemTypes;
import org.opencc.contracts.SpanKeys;
import org.opencc.contracts.Stage;
import org.opencc.contracts.context.ContextDenied;
import org.opencc.contracts.context.ContextServed;
import org.opencc.contracts.context.Reader;
import org.opencc.contracts.context.SourceOutcome;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.support.security.Caller;
import org.opencc.support.security.Roles;
import org.opencc.support.tracing.StageSpans;

/**
 * Reads a context document: checks the caller may see it, fans out to the sources within the budget, adds the
 * history, masks what the caller's role may not see, and audits the read. No transaction is held while the
 * sources answer.
 */
@ApplicationScoped
public class ContextService {
    private static final Logger LOG = Logger.getLogger(ContextService.class);
    private static final Pattern TASK_SID = Pattern.compile("WT[0-9a-fA-F]{32}");
    /** The gateway's keys are {@code ck_} + 32 hex digits; other producers may use other suffixes. */
    private static final Pattern CUSTOMER_KEY = Pattern.compile("ck_[A-Za-z0-9_-]{1,64}");
    private static final String READ_ID = "cc.context.read_id";
    private static final Duration TASK_POLL = Duration.ofMillis(20);

    private final AssignmentRepository assignments;
    private final HistoryRepository history;
    private final CrmFanOut crm;
    private final ReadAudit audit;
    private final Caller caller;
    private final Clock clock;
    private final ContextConfig config;
    private final Masking masking;
    private final ReservationConfirmation confirmation;
    private final JsonWebToken token;

    public ContextService(AssignmentRepository assignments, HistoryRepository history, CrmFanOut crm,
            ReadAudit audit, Caller caller, Clock clock, ContextConfig config, ReservationConfirmation confirmation,
            JsonWebToken token) {
        this.confirmation = confirmation;
        this.token = token;
        this.assignments = assignments;
        this.history = history;
        this.crm = crm;
        this.audit = audit;
        this.caller = caller;
        this.clock = clock;
        this.config = config;
        Set<String> sensitive = new LinkedHashSet<>();
        config.sensitiveFields().forEach(name -> sensitive.add(name.toLowerCase(Locale.ROOT)));
        crm.sources().forEach(source -> sensitive.addAll(source.definition().sensitive()));
        this.masking = new Masking(sensitive);
    }

    /** The context of a task. */
    public ContextResponse readTask(String taskSid, String budgetMs) {
        long start = System.nanoTime();
        if (taskSid == null || !TASK_SID.matcher(taskSid).matches()) {
            throw ProblemException.invalid("taskSid", "must be WT followed by 32 hexadecimal digits");
        }
        Duration budget = budget(budgetMs);
        String readId = Sids.next("CX");
        Span span = StageSpans.current(Stage.CRM);
        span.setAttribute(SpanKeys.TASK_SID, taskSid);
        span.setAttribute(READ_ID, readId);
        TaskView task = awaitTask(taskSid, start + budget.toNanos());
        // this read runs in its own trace; the link ties it to the interaction's
        StageSpans.linkToInteraction(span, task.interactionId(), task.rootTraceparent());
        Reader reader = reader();
        authorize(task, reader, readId);
        ContextSubject subject = task.subject();
        // a late answer is cached only while the task is open (a supervisor may read a task nobody holds)
        FanOutResult result = crm.fetch(subject, budget, start, () -> assignments.isOpen(taskSid));
        return respond(readId, subject, result, budget, reader, start);
    }

    /**
     * The task from the view, waiting for it within the read's budget: an agent may ask for the context of a task
     * the moment task-router offers it, before {@code task.created} has reached this service (or while its consumer
     * is still joining the group). Any replica may fold the event, so the view in PostgreSQL is what is polled.
     */
    private TaskView awaitTask(String taskSid, long deadlineNanos) {
        while (true) {
            Optional<TaskView> task = assignments.findTask(taskSid);
            if (task.isPresent()) {
                return task.get();
            }
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                throw ProblemException.notFound("task " + taskSid + " (agent-context has not seen its task.created;"
                        + " if task-router created it just now, retry in a moment)");
            }
            LockSupport.parkNanos(Math.min(left, TASK_POLL.toNanos()));
            if (Thread.currentThread().isInterrupted()) {
                throw ProblemException.notFound("task " + taskSid);
            }
        }
    }


    /** The context of a customer without a task (supervisors and admins; the resource checks the role). */
    public ContextResponse readCustomer(String customerKey, String budgetMs) {
        long start = System.nanoTime();
        if (customerKey == null || !CUSTOMER_KEY.matcher(customerKey).matches()) {
            throw ProblemException.invalid("customerKey", "must be a pseudonymous customer key, ck_ followed by"
                    + " 1-64 letters, digits, '_' or '-' (see the README for how keys are derived)");
        }
        Duration budget = budget(budgetMs);
        String readId = Sids.next("CX");
        StageSpans.current(Stage.CRM).setAttribute(READ_ID, readId);
        FanOutResult result = crm.fetch(ContextSubject.ofCustomer(customerKey), budget, () -> true);
        return respond(readId, ContextSubject.ofCustomer(customerKey), result, budget, reader(), start);
    }

    private ContextResponse respond(String readId, ContextSubject subject, FanOutResult result, Duration budget,
            Reader reader, long start) {
        List<HistoryEntry> past = subject.customerKey() == null ? List.of()
                : history.history(subject.customerKey(), clock.instant().minus(config.history().maxAge()),
                        config.history().limit());
        Set<String> masked = new LinkedHashSet<>();
        Map<String, Object> customer = result.customer().orElse(null);
        Map<String, Object> records = result.records();
        if (Roles.AGENT.equals(reader.role())) {
            customer = customer == null ? null : castMap(masking.mask(customer, "customer", masked));
            records = castMap(masking.mask(records, "records", masked));
        }
        List<String> fields = new ArrayList<>();
        if (customer != null) {
            customer.keySet().forEach(member -> fields.add("customer." + member));
        }
        records.keySet().forEach(section -> fields.add("records." + section));
        if (!past.isEmpty()) {
            fields.add("history");
        }
        boolean partial = result.partial() || !result.missingRequired().isEmpty();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        List<SourceOutcome> outcomes = result.sources().stream().map(ContextService::outcome).toList();
        audit.record(new ContextServed(readId, subject.taskSid(), subject.interactionId(), subject.customerKey(),
                reader, fields, List.copyOf(masked), outcomes, partial, (int) budget.toMillis(), elapsedMs,
                clock.instant()));
        if (!result.missingRequired().isEmpty()) {
            LOG.infof("context read %s is missing required source(s) %s", readId, result.missingRequired());
        }
        return new ContextResponse(readId, subject.taskSid(), subject.interactionId(), subject.customerKey(),
                customer, records, past, result.sources(), (int) budget.toMillis(), partial,
                result.missingRequired(), List.copyOf(masked), clock.instant());
    }

    /** The view may lag behind a reservation just offered: task-router, asked with the agent's own token, decides. */
    private boolean confirmedByRouter(TaskView task, String workerSid) {
        boolean confirmed = confirmation.confirms(task, workerSid, token.getRawToken());
        if (confirmed) {
            Span.current().setAttribute("cc.context.confirmed_by", "task-router");
            LOG.debugf("task-router confirmed a reservation of task %s the view has not seen yet", task.taskSid());
        }
        return confirmed;
    }

    private static SourceOutcome outcome(SourceReport report) {
        return new SourceOutcome(report.name(), report.status().value(), report.latencyMs(), report.ageMs());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    /** The caller's budget: the default when absent, capped at {@code cc.context.max-budget}. */
    private Duration budget(String budgetMs) {
        if (budgetMs == null || budgetMs.isBlank()) {
            return config.budget();
        }
        long ms;
        try {
            ms = Long.parseLong(budgetMs.strip());
        } catch (NumberFormatException e) {
            ms = -1;
        }
        if (ms < 1) {
            throw ProblemException.invalid("budget_ms", "must be a whole number of milliseconds, 1 or more (was '"
                    + budgetMs + "')");
        }
        return Duration.ofMillis(Math.min(ms, config.maxBudget().toMillis()));
    }

    private Reader reader() {
        String role = caller.hasRole(Roles.ADMIN) ? Roles.ADMIN
                : caller.hasRole(Roles.SUPERVISOR) ? Roles.SUPERVISOR : Roles.AGENT;
        return new Reader(caller.subject(), role, caller.workerSid().orElse(null));
    }

    /**
     * Admins read any task; supervisors any task of their region (when both the token and the task name one); an
     * agent only a task a live reservation of its worker holds. A refusal is audited before it is answered.
     */
    private void authorize(TaskView task, Reader reader, String readId) {
        String refusal = null;
        if (Roles.SUPERVISOR.equals(reader.role())) {
            String region = caller.region().orElse(null);
            if (region != null && task.region() != null && !region.equals(task.region())) {
                refusal = "the task belongs to region " + task.region() + ", the token to region " + region;
            }
        } else if (Roles.AGENT.equals(reader.role())) {
            if (reader.workerSid() == null) {
                refusal = "the token names no worker (claim worker_sid)";
            } else {
                StageSpans.id(Span.current(), SpanKeys.WORKER_SID, reader.workerSid());
                if (!assignments.isHeldBy(task.taskSid(), reader.workerSid())
                        && !confirmedByRouter(task, reader.workerSid())) {
                    refusal = "no pending or accepted reservation of task " + task.taskSid() + " names worker "
                            + reader.workerSid();
                }
            }
        }
        if (refusal != null) {
            audit.record(new ContextDenied(readId, task.taskSid(), task.customerKey(), reader, refusal,
                    clock.instant()));
            throw new ProblemException(ProblemTypes.NOT_YOUR_TASK, refusal);
        }
    }
}
