package org.opencc.launcher;

import java.util.List;

/** One launcher subcommand. */
interface Command {
    /** The arguments this command takes, for usage messages, e.g. {@code "DIR PORT CONTROLLER_PORT"}. */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command name
     * @return the process exit code
     * @throws LauncherException with a one-line message and the exit code to end with
     */
    int run(List<String> args) throws Exception;
}
