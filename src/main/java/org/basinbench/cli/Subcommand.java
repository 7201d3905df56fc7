package org.basinbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** What every command of {@link Main} has: -h/--help, and the printer of the program it runs in. */
abstract class Subcommand implements Callable<Integer> {
  /** {@code -h, --help} of a command (the program's own comes with its standard options). */
  static final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
  }

  @ParentCommand
  Main main;

  @Mixin
  HelpOption help;

  /** Where the command prints. */
  Printer printer() {
    return main.printer();
  }
}
