package org.basinbench.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
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
final class CompletionCommand extends Subcommand {
  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    printer().out.print(AutoComplete.bash("basinbench", spec.root().commandLine()));
    return Main.OK;
  }
}
