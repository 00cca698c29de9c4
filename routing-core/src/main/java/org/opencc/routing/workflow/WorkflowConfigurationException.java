package org.opencc.routing.workflow;

/**
 * Thrown when a workflow configuration is invalid. The message starts with the path of the offending
 * JSON element (for example {@code task_routing.filters[1].targets}) so API callers can fix it directly.
 */
public final class WorkflowConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String pointer;

    /**
     * @param pointer dotted path of the offending element, e.g. {@code task_routing.filters[0].expression}
     * @param problem what is wrong with it
     */
    public WorkflowConfigurationException(String pointer, String problem) {
        super(pointer + ": " + problem);
        this.pointer = pointer;
    }

    /** Dotted path of the offending JSON element, {@code (root)} for the document itself. */
    public String pointer() {
        return pointer;
    }
}
