package org.basinbench.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code basinbench completion}: a bash completion script for the whole command line (picocli's AutoComplete). */
@Command(name = "completion",
    header = "Print a bash completion script for basinbench.",
    description = {
        "Prints a bash script that completes basinbench's commands, their options and the bench cases (file"
            + " names elsewhere). It completes the command named basinbench: put bin/ on the PATH, or"
            + " alias basinbench=/path/to/bin/basinbench.",
        "",
        "In the current shell:",
        "  source <(basinbench completion)",
        "For every new shell:",
        "  basinbench completion > ~/.local/share/bash-completion/completions/basinbench",
        "zsh: first run 'autoload -U +X bashcompinit && bashcompinit'.",
        ""})
final class CompletionCommand implements Callable<Integer> {
  @ParentCommand
  Main main;

  @Mixin
  Main.HelpOption help;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    main.printer().out.print(AutoComplete.bash("basinbench", spec.root().commandLine()));
    return Main.OK;
  }
}
