package org.opencc.taskrouter.callback;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opencc.contracts.task.CallbackFailed;
import org.opencc.contracts.task.TaskQueueEntered;

/** callback.failed is on cc.tasks.v1 but must never be called back: a failing URL would feed itself. */
class EventCallbacksTypeFilterTest {
    @Test
    void callbackFailedIsNeverCalledBack() {
        assertFalse(EventCallbacks.calledBack(new CallbackFailed("WT1", "WS1", null, null, CallbackFailed.EVENT,
                "127.0.0.1:1", 500, "callback-http-500", 1, "task.created", Instant.now())));
    }

    @Test
    void taskRouterEventsAreCalledBack() {
        assertTrue(EventCallbacks.calledBack(new TaskQueueEntered("WT1", "WS1", "WQ1", null, Instant.now())));
    }
}
