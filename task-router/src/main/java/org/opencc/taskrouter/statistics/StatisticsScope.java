package org.opencc.taskrouter.statistics;

/**
 * What a statistics resource is about: the whole workspace, one task queue, one workflow or one worker. The
 * subject decides which column narrows the task and reservation rows (a fixed column name, never user input).
 *
 * @param taskChannel a task channel's unique name, or null for every channel
 */
public record StatisticsScope(String workspaceSid, Subject subject, String sid, String taskChannel) {
    /** The columns narrowing tasks ({@code t.}) and reservations ({@code r.}, joined to their task). */
    public enum Subject {
        WORKSPACE(null, null),
        TASK_QUEUE("t.task_queue_sid", "r.task_queue_sid"),
        WORKFLOW("t.workflow_sid", "t.workflow_sid"),
        WORKER(null, "r.worker_sid");

        final String taskColumn;
        final String reservationColumn;

        Subject(String taskColumn, String reservationColumn) {
            this.taskColumn = taskColumn;
            this.reservationColumn = reservationColumn;
        }
    }

    public static StatisticsScope workspace(String workspaceSid, String taskChannel) {
        return new StatisticsScope(workspaceSid, Subject.WORKSPACE, null, taskChannel);
    }

    /** {@code AND ...} narrowing task rows {@code t}: one placeholder per returned argument. */
    String taskFilter() {
        return (subject.taskColumn == null ? "" : " AND " + subject.taskColumn + " = ?")
                + (taskChannel == null ? "" : " AND t.task_channel = ?");
    }

    String reservationFilter() {
        return (subject.reservationColumn == null ? "" : " AND " + subject.reservationColumn + " = ?")
                + (taskChannel == null ? "" : " AND r.task_channel = ?");
    }

    Object[] taskArgs(Object... leading) {
        return args(subject.taskColumn != null, leading);
    }

    Object[] reservationArgs(Object... leading) {
        return args(subject.reservationColumn != null, leading);
    }

    private Object[] args(boolean bySubject, Object... leading) {
        java.util.List<Object> all = new java.util.ArrayList<>(java.util.List.of(leading));
        if (bySubject) {
            all.add(sid);
        }
        if (taskChannel != null) {
            all.add(taskChannel);
        }
        return all.toArray();
    }
}
