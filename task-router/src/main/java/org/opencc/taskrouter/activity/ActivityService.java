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
}
