package org.opencc.taskrouter.callback;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.opencc.contracts.DomainEvent;
import org.opencc.contracts.task.ReservationAccepted;
import org.opencc.contracts.task.ReservationCreated;
import org.opencc.contracts.task.ReservationRejected;
import org.opencc.contracts.task.ReservationTimedOut;
import org.opencc.contracts.task.TaskCanceled;
import org.opencc.contracts.task.TaskCompleted;
import org.opencc.contracts.task.TaskCreated;
import org.opencc.contracts.task.TaskEvent;
import org.opencc.contracts.task.TaskQueueEntered;
import org.opencc.contracts.worker.WorkerActivityUpdated;
import org.opencc.taskrouter.config.RouterConfig;
import org.opencc.taskrouter.queue.TaskQueueRepository;
import org.opencc.taskrouter.reservation.Reservation;
import org.opencc.taskrouter.reservation.ReservationRepository;
import org.opencc.taskrouter.task.Task;
import org.opencc.taskrouter.task.TaskRepository;
import org.opencc.taskrouter.worker.Worker;
import org.opencc.taskrouter.worker.WorkerRepository;
import org.opencc.taskrouter.workflow.Workflow;
import org.opencc.taskrouter.workflow.WorkflowRepository;
import org.opencc.taskrouter.workspace.Workspace;
import org.opencc.taskrouter.workspace.WorkspaceRepository;

/**
 * Builds the callbacks an event calls for, with Twilio's form parameters, from the rows as they are when the event
 * is consumed (a task's attributes may have changed since). Empty when the workflow or workspace has no URL, or the
 * workspace's {@code events_filter} leaves the event type out.
 */
@ApplicationScoped
public class CallbackParameters {
    private final TaskRepository tasks;
    private final ReservationRepository reservations;
    private final WorkerRepository workers;
    private final TaskQueueRepository queues;
    private final WorkflowRepository workflows;
    private final WorkspaceRepository workspaces;
    private final String accountSid;
    private final Clock clock;

    public CallbackParameters(TaskRepository tasks, ReservationRepository reservations, WorkerRepository workers,
            TaskQueueRepository queues, WorkflowRepository workflows, WorkspaceRepository workspaces,
            RouterConfig router, Clock clock) {
        this.tasks = tasks;
        this.reservations = reservations;
        this.workers = workers;
        this.queues = queues;
        this.workflows = workflows;
        this.workspaces = workspaces;
        this.accountSid = router.accountSid();
        this.clock = clock;
    }

    /** The assignment callback a new reservation calls for, and the reservation's current status. */
    public record Assignment(CallbackIntent intent, String reservationStatus) {}

    @Transactional
    public Optional<Assignment> assignment(String eventId, ReservationCreated created) {
        String ws = created.workspaceSid();
        Optional<Task> task = tasks.find(ws, created.taskSid());
        Optional<Workflow> workflow = task.flatMap(t -> workflows.find(ws, t.workflowSid()));
        if (workflow.isEmpty() || blank(workflow.get().assignmentCallbackUrl())) {
            return Optional.empty();
        }
        Optional<Reservation> reservation = reservations.findForTask(ws, created.taskSid(),
                created.reservationSid());
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "AccountSid", accountSid);
        put(p, "WorkspaceSid", ws);
        put(p, "WorkflowSid", workflow.get().sid());
        put(p, "Timestamp", String.valueOf(clock.instant().getEpochSecond()));
        taskFields(p, task.get());
        put(p, "TaskQueueSid", created.taskQueueSid());
        queues.find(ws, created.taskQueueSid()).ifPresent(q -> put(p, "TaskQueueFriendlyName", q.friendlyName()));
        put(p, "WorkerSid", created.workerSid());
        workers.find(ws, created.workerSid()).ifPresent(w -> {
            put(p, "WorkerName", w.friendlyName());
            put(p, "WorkerAttributes", w.attributes());
        });
        put(p, "ReservationSid", created.reservationSid());
        CallbackIntent intent = new CallbackIntent(eventId, CallbackIntent.ASSIGNMENT, created.type(), ws,
                created.taskSid(), created.interactionId(), created.workerSid(), created.reservationSid(),
                workflow.get().assignmentCallbackUrl(), blankToNull(workflow.get().fallbackAssignmentCallbackUrl()),
                p);
        return Optional.of(new Assignment(intent, reservation.map(Reservation::reservationStatus).orElse("gone")));
    }

    /** The event callback the event calls for, if its workspace wants it. */
    @Transactional
    public Optional<CallbackIntent> event(String eventId, DomainEvent event) {
        String ws = event instanceof TaskEvent te ? te.workspaceSid()
                : event instanceof WorkerActivityUpdated wa ? wa.workspaceSid() : null;
        Optional<Workspace> workspace = ws == null ? Optional.empty() : workspaces.find(ws);
        if (workspace.isEmpty() || blank(workspace.get().eventCallbackUrl())
                || !wanted(workspace.get().eventsFilter(), event.type())) {
            return Optional.empty();
        }
        Map<String, String> p = new LinkedHashMap<>();
        put(p, "EventType", event.type());
        put(p, "AccountSid", accountSid);
        put(p, "WorkspaceSid", ws);
        put(p, "WorkspaceName", workspace.get().friendlyName());
        Instant at = occurredAt(event);
        if (at == null) {
            at = clock.instant();
        }
        put(p, "Timestamp", String.valueOf(at.getEpochSecond()));
        put(p, "TimestampMs", String.valueOf(at.toEpochMilli()));
        String taskSid = null;
        String workerSid = null;
        String reservationSid = null;
        if (event instanceof TaskEvent te) {
            taskSid = te.taskSid();
            tasks.find(ws, taskSid).ifPresent(t -> {
                taskFields(p, t);
                put(p, "WorkflowSid", t.workflowSid());
            });
            put(p, "TaskSid", taskSid);
            reservationSid = reservationSid(event);
            workerSid = workerSid(event);
            String queueSid = queueSid(event);
            put(p, "TaskQueueSid", queueSid);
            if (queueSid != null) {
                queues.find(ws, queueSid).ifPresent(q -> put(p, "TaskQueueName", q.friendlyName()));
            }
            if (event instanceof TaskCompleted done) {
                put(p, "TaskCompletedReason", done.reason());
            } else if (event instanceof TaskCanceled canceled) {
                put(p, "TaskCanceledReason", canceled.reason());
            }
        } else if (event instanceof WorkerActivityUpdated wa) {
            workerSid = wa.workerSid();
            put(p, "WorkerActivitySid", wa.activitySid());
            put(p, "WorkerActivityName", wa.activityName());
        }
        if (workerSid != null) {
            put(p, "WorkerSid", workerSid);
            workers.find(ws, workerSid).ifPresent((Worker w) -> {
                put(p, "WorkerName", w.friendlyName());
                put(p, "WorkerAttributes", w.attributes());
            });
        }
        put(p, "ReservationSid", reservationSid);
        String resourceType = reservationSid != null ? "Reservation" : taskSid != null ? "Task" : "Worker";
        String resourceSid = reservationSid != null ? reservationSid : taskSid != null ? taskSid : workerSid;
        put(p, "ResourceType", resourceType);
        put(p, "ResourceSid", resourceSid);
        put(p, "EventDescription", description(event.type(), resourceType, resourceSid, workerSid));
        String interactionId = event instanceof TaskEvent te ? te.interactionId() : null;
        return Optional.of(new CallbackIntent(eventId, CallbackIntent.EVENT, event.type(), ws, taskSid,
                interactionId, workerSid, reservationSid, workspace.get().eventCallbackUrl(), null, p));
    }

    /** Whether a comma-separated {@code EventsFilter} lets {@code type} through; empty lets everything through. */
    static boolean wanted(String filter, String type) {
        return blank(filter) || Arrays.stream(filter.split(",")).map(String::trim).anyMatch(type::equals);
    }

    private void taskFields(Map<String, String> p, Task t) {
        put(p, "TaskSid", t.sid());
        put(p, "TaskAttributes", t.attributes());
        put(p, "TaskAge", String.valueOf(Math.max(0, Duration.between(t.dateCreated(), clock.instant())
                .toSeconds())));
        put(p, "TaskPriority", String.valueOf(t.priority()));
        put(p, "TaskAssignmentStatus", t.assignmentStatus());
        put(p, "TaskChannelUniqueName", t.taskChannel());
    }

    private static String description(String type, String resourceType, String resourceSid, String workerSid) {
        String action = type.substring(type.indexOf('.') + 1);
        String text = resourceType + " " + resourceSid + " " + action;
        return "Reservation".equals(resourceType) && workerSid != null ? text + " (Worker " + workerSid + ")" : text;
    }

    private static Instant occurredAt(DomainEvent e) {
        if (e instanceof TaskCreated c) {
            return c.createdAt();
        } else if (e instanceof TaskQueueEntered q) {
            return q.occurredAt();
        } else if (e instanceof ReservationCreated r) {
            return r.occurredAt();
        } else if (e instanceof ReservationAccepted r) {
            return r.occurredAt();
        } else if (e instanceof ReservationRejected r) {
            return r.occurredAt();
        } else if (e instanceof ReservationTimedOut r) {
            return r.occurredAt();
        } else if (e instanceof TaskCompleted c) {
            return c.occurredAt();
        } else if (e instanceof TaskCanceled c) {
            return c.occurredAt();
        } else if (e instanceof WorkerActivityUpdated w) {
            return w.occurredAt();
        }
        return null;
    }

    private static String reservationSid(DomainEvent e) {
        if (e instanceof ReservationCreated r) {
            return r.reservationSid();
        } else if (e instanceof ReservationAccepted r) {
            return r.reservationSid();
        } else if (e instanceof ReservationRejected r) {
            return r.reservationSid();
        } else if (e instanceof ReservationTimedOut r) {
            return r.reservationSid();
        }
        return null;
    }

    private static String workerSid(DomainEvent e) {
        if (e instanceof ReservationCreated r) {
            return r.workerSid();
        } else if (e instanceof ReservationAccepted r) {
            return r.workerSid();
        } else if (e instanceof ReservationRejected r) {
            return r.workerSid();
        } else if (e instanceof ReservationTimedOut r) {
            return r.workerSid();
        }
        return null;
    }

    private static String queueSid(DomainEvent e) {
        if (e instanceof TaskQueueEntered q) {
            return q.taskQueueSid();
        } else if (e instanceof ReservationCreated r) {
            return r.taskQueueSid();
        } else if (e instanceof ReservationAccepted r) {
            return r.taskQueueSid();
        } else if (e instanceof ReservationRejected r) {
            return r.taskQueueSid();
        } else if (e instanceof ReservationTimedOut r) {
            return r.taskQueueSid();
        } else if (e instanceof TaskCompleted c) {
            return c.taskQueueSid();
        } else if (e instanceof TaskCanceled c) {
            return c.taskQueueSid();
        }
        return null;
    }

    private static void put(Map<String, String> p, String name, String value) {
        if (value != null) {
            p.put(name, value);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String blankToNull(String s) {
        return blank(s) ? null : s;
    }
}
