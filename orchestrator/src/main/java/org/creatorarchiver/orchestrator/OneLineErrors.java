package org.creatorarchiver.orchestrator;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A verb that fails prints one line naming what failed (exit 1); the stack trace only goes to the log at DEBUG,
 * so users see the cause, not Java internals.
 */
public final class OneLineErrors implements IExecutionExceptionHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(OneLineErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        log.debug("{} failed", commandLine.getCommandName(), e);
        String message = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        commandLine.getErr().println(commandLine.getCommandName() + ": " + message);
        return 1;
    }
}
