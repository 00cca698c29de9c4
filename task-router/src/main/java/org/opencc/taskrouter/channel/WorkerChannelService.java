package org.opencc.taskrouter.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.opencc.taskrouter.api.TwilioErrors;
import org.opencc.taskrouter.routing.Dispatcher;
import org.opencc.taskrouter.worker.WorkerService;

/** A worker's capacity per task channel; more capacity, or a channel turned on, may route waiting tasks. */
@ApplicationScoped
public class WorkerChannelService {
    private final WorkerChannelRepository channels;
    private final WorkerService workers;
    private final Dispatcher dispatcher;
    private final Clock clock;

    public WorkerChannelService(WorkerChannelRepository channels, WorkerService workers, Dispatcher dispatcher,
            Clock clock) {
        this.channels = channels;
        this.workers = workers;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    public WorkerChannel get(String workspaceSid, String workerSid, String sid) {
        workers.get(workspaceSid, workerSid);
        return channels.find(workspaceSid, workerSid, sid).orElseThrow(() -> TwilioErrors.notFound(
                "/Workspaces/" + workspaceSid + "/Workers/" + workerSid + "/Channels/" + sid));
    }

    /**
     * Sets capacity and availability. Lowering capacity below the tasks the worker holds takes nothing away: the
     * worker simply gets no more until enough end.
     */
    @Transactional
    public WorkerChannel update(String workspaceSid, String workerSid, String sid, Integer capacity,
            Boolean available) {
        WorkerChannel current = get(workspaceSid, workerSid, sid);
        int newCapacity = capacity != null ? capacity : current.capacity();
        boolean newAvailable = available != null ? available : current.available();
        channels.update(workerSid, current.taskChannelUniqueName(), newCapacity, newAvailable, clock.instant());
        if (newAvailable && (newCapacity > current.capacity() || !current.available())) {
            dispatcher.dispatch(workspaceSid);
        }
        return get(workspaceSid, workerSid, current.sid());
    }
}
