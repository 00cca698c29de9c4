package org.opencc.taskrouter.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import org.opencc.support.ids.Sids;
import org.opencc.support.problem.ProblemException;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.config.RouterConfig;

/** Task channels: a new one gives every worker of the workspace the default capacity on it. */
@ApplicationScoped
public class TaskChannelService {
    private final TaskChannelRepository channels;
    private final WorkerChannelRepository workerChannels;
    private final RouterConfig config;
    private final Clock clock;

    public TaskChannelService(TaskChannelRepository channels, WorkerChannelRepository workerChannels,
            RouterConfig config, Clock clock) {
        this.channels = channels;
        this.workerChannels = workerChannels;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public TaskChannel create(String workspaceSid, String friendlyName, String uniqueName,
            boolean channelOptimizedRouting) {
        if (channels.existsByUniqueName(workspaceSid, uniqueName)) {
            throw new ProblemException(TwilioErrors.DUPLICATE,
                    "TaskChannel with UniqueName " + uniqueName + " already exists");
        }
        Instant now = clock.instant();
        TaskChannel channel = new TaskChannel(Sids.next("TC"), workspaceSid, uniqueName, friendlyName,
                channelOptimizedRouting, now, now);
        channels.insert(channel);
        workerChannels.addToAllWorkers(workspaceSid, uniqueName, config.defaultChannelCapacity(), now);
        return channel;
    }

    public TaskChannel get(String workspaceSid, String sidOrUniqueName) {
        return channels.find(workspaceSid, sidOrUniqueName).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/TaskChannels/" + sidOrUniqueName));
    }

    @Transactional
    public TaskChannel update(String workspaceSid, String sidOrUniqueName, String friendlyName,
            Boolean channelOptimizedRouting) {
        TaskChannel channel = get(workspaceSid, sidOrUniqueName);
        channels.update(channel.sid(), friendlyName != null ? friendlyName : channel.friendlyName(),
                channelOptimizedRouting != null ? channelOptimizedRouting : channel.channelOptimizedRouting(),
                clock.instant());
        return get(workspaceSid, channel.sid());
    }

    /** Deletes a channel no unfinished task uses (Twilio refuses the others with a 400). */
    @Transactional
    public void delete(String workspaceSid, String sidOrUniqueName) {
        TaskChannel channel = get(workspaceSid, sidOrUniqueName);
        long live = channels.liveTasks(workspaceSid, channel.uniqueName());
        if (live > 0) {
            throw new ProblemException(TwilioErrors.IN_USE, "Cannot delete TaskChannel " + channel.sid()
                    + ": " + live + " active task(s) use it");
        }
        channels.delete(channel);
    }
}
