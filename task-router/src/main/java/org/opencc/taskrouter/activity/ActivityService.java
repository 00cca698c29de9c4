package org.opencc.taskrouter.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.opencc.support.ids.Sids;
import org.opencc.taskrouter.api.TwilioErrors;

@ApplicationScoped
public class ActivityService {
    private final ActivityRepository activities;
    private final Clock clock;

    public ActivityService(ActivityRepository activities, Clock clock) {
        this.activities = activities;
        this.clock = clock;
    }

    /** Creates an activity; a name already used in the workspace is a 409. */
    @Transactional
    public Activity create(String workspaceSid, String friendlyName, boolean available) {
        if (activities.findByName(workspaceSid, friendlyName).isPresent()) {
            throw new org.opencc.support.problem.ProblemException(TwilioErrors.DUPLICATE,
                    "Activity with FriendlyName " + friendlyName + " already exists");
        }
        Instant now = clock.instant();
        Activity activity = new Activity(Sids.next("WA"), workspaceSid, friendlyName, available, now, now);
        activities.insert(activity);
        return activity;
    }

    public Activity get(String workspaceSid, String sid) {
        return activities.find(workspaceSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Activities/" + sid));
    }

    /** Renames an activity; another activity's name is a 409. */
    @Transactional
    public Activity update(String workspaceSid, String sid, String friendlyName) {
        Activity activity = get(workspaceSid, sid);
        if (friendlyName != null && !friendlyName.equals(activity.friendlyName())) {
            if (activities.findByName(workspaceSid, friendlyName).isPresent()) {
                throw new org.opencc.support.problem.ProblemException(TwilioErrors.DUPLICATE,
                        "Activity with FriendlyName " + friendlyName + " already exists");
            }
            activities.rename(sid, friendlyName, clock.instant());
        }
        return get(workspaceSid, sid);
    }

    /** Deletes an activity nothing uses; Twilio refuses the others with a 400. */
    @Transactional
    public void delete(String workspaceSid, String sid) {
        Activity activity = get(workspaceSid, sid);
        activities.inUse(workspaceSid, sid).ifPresent(reason -> {
            throw new org.opencc.support.problem.ProblemException(TwilioErrors.IN_USE,
                    "Cannot delete Activity " + activity.sid() + ": " + reason);
        });
        activities.delete(sid);
    }
}
