-- The per-workflow live view: which workflow routes each task (task.created, task-queue.entered).
ALTER TABLE live_task ADD COLUMN workflow_sid TEXT;
CREATE INDEX live_task_workflow ON live_task (workspace_sid, workflow_sid) WHERE workflow_sid IS NOT NULL;
