package org.creatorarchiver.orchestrator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "sources",
        mixinStandardHelpOptions = true,
        description = "Shows the creators being archived and sets their video duration limit.",
        subcommands = {SourcesListCommand.class, SourcesSetLimitCommand.class})
public final class SourcesCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "missing command: 'sources list' or 'sources set-limit SOURCE SECONDS|default'");
    }
}
