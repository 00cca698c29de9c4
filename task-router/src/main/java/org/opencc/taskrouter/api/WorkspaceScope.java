package org.opencc.taskrouter.api;

import jakarta.enterprise.context.ApplicationScoped;
import org.opencc.taskrouter.workspace.Workspace;
import org.opencc.taskrouter.workspace.WorkspaceRepository;

/** Resolves the workspace of a nested path, answering Twilio's 404 when it does not exist. */
@ApplicationScoped
public class WorkspaceScope {
    private final WorkspaceRepository workspaces;

    public WorkspaceScope(WorkspaceRepository workspaces) {
        this.workspaces = workspaces;
    }

    public Workspace require(String workspaceSid) {
        return workspaces.find(workspaceSid).orElseThrow(() -> TwilioErrors.notFound("/Workspaces/" + workspaceSid));
    }
}
