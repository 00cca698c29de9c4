package org.opencc.taskrouter.workspace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.opencc.support.ids.Sids;
import org.opencc.taskrouter.activity.Activity;
import org.opencc.taskrouter.activity.ActivityRepository;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.persistence.Db;

/** Workspaces, created as Twilio creates them: with Offline/Available/Unavailable activities and task channels. */
@ApplicationScoped
public class WorkspaceService {
    /** Task channels every workspace starts with: Twilio's defaults plus our message channels. */
    public static final List<String> DEFAULT_CHANNELS = List.of("default", "voice", "chat", "sms", "whatsapp");

    private final WorkspaceRepository workspaces;
    private final ActivityRepository activities;
    private final Db db;
    private final Clock clock;

    public WorkspaceService(WorkspaceRepository workspaces, ActivityRepository activities, Db db, Clock clock) {
        this.workspaces = workspaces;
        this.activities = activities;
        this.db = db;
        this.clock = clock;
    }

    @Transactional
    public Workspace create(String friendlyName, String eventCallbackUrl, String eventsFilter,
            boolean multiTaskEnabled, String prioritizeQueueOrder) {
        Instant now = clock.instant();
        String sid = Sids.next("WS");
        Activity offline = new Activity(Sids.next("WA"), sid, "Offline", false, now, now);
        Workspace workspace = new Workspace(sid, friendlyName, eventCallbackUrl, eventsFilter, offline.sid(),
                offline.sid(), multiTaskEnabled, prioritizeQueueOrder, now, now);
        workspaces.insert(workspace);
        activities.insert(offline);
        activities.insert(new Activity(Sids.next("WA"), sid, "Available", true, now, now));
        activities.insert(new Activity(Sids.next("WA"), sid, "Unavailable", false, now, now));
        for (String channel : DEFAULT_CHANNELS) {
            db.update("INSERT INTO task_channel (sid, workspace_sid, unique_name, friendly_name, date_created,"
                    + " date_updated) VALUES (?,?,?,?,?,?)", Sids.next("TC"), sid, channel,
                    Character.toUpperCase(channel.charAt(0)) + channel.substring(1), now, now);
        }
        return workspace;
    }

    public Workspace get(String sid) {
        return workspaces.find(sid).orElseThrow(() -> TwilioErrors.notFound("/Workspaces/" + sid));
    }

    @Transactional
    public Workspace update(Workspace updated) {
        Workspace saved = new Workspace(updated.sid(), updated.friendlyName(), updated.eventCallbackUrl(),
                updated.eventsFilter(), updated.defaultActivitySid(), updated.timeoutActivitySid(),
                updated.multiTaskEnabled(), updated.prioritizeQueueOrder(), updated.dateCreated(), clock.instant());
        workspaces.update(saved);
        return saved;
    }

    @Transactional
    public void delete(String sid) {
        if (!workspaces.delete(sid)) {
            throw TwilioErrors.notFound("/Workspaces/" + sid);
        }
    }
}
