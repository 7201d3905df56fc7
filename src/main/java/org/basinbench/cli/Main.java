package org.basinbench.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.basinbench.run.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code basinbench} command line, on picocli: one class per command ({@link RunCommand},
 * {@link ReportCommand}, ...), argument errors in {@link ArgumentErrors}. Exit codes: 0 success,
 * 2 invalid input (spec, arguments, output path), 1 anything else.
 */
@Command(name = "basinbench", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
    description = "BasinBench: how often does local optimisation fail on nonnegative low-rank problems?",
    commandListHeading = "%nCommands:%n",
    subcommands = {RunCommand.class, ReportCommand.class, ValidateCommand.class, SchemaCommand.class,
        BenchCommand.class, CompletionCommand.class, HelpCommand.class},
    footer = {"", "Run 'basinbench COMMAND --help' for a command's options.",
        "Exit codes: 0 success, 2 invalid input (spec, arguments, output path),", "1 other failure."})
public final class Main implements Callable<Integer> {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;

  static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"basinbench " + Version.basinbench()};
    }
  }

  private final Printer printer;

  @Spec
  CommandSpec spec;

  public Main(PrintStream out, PrintStream err) {
    this.printer = new Printer(out, err);
  }

  public static void main(String[] args) {
    int code = new Main(System.out, System.err).execute(args);
    System.out.flush();
    System.err.flush();
    System.exit(code);
  }

  /** Runs a command; returns the exit code (never calls System.exit). */
  public int execute(String[] args) {
    CommandLine cl = new CommandLine(this);
    cl.setOut(new PrintWriter(printer.out, true));
    cl.setErr(new PrintWriter(printer.err, true));
    cl.setOverwrittenOptionsAllowed(true); // the last --out counts, as in most tools
    cl.setParameterExceptionHandler(new ArgumentErrors(printer));
    cl.setExecutionExceptionHandler(this::failed);
    BenchCommand.listCases(cl.getSubcommands().get("bench").getCommandSpec());
    try {
      return cl.execute(args);
    } finally {
      cl.getOut().flush();
      cl.getErr().flush();
    }
  }

  /** The commands print through this. */
  Printer printer() {
    return printer;
  }

  /** No command given: the usage, on stderr. */
  @Override
  public Integer call() {
    spec.commandLine().usage(printer.err);
    return INVALID;
  }

  /** An exception out of a command: a usage problem found late (exit 2), or a failure (exit 1). */
  private int failed(Exception e, CommandLine cl, ParseResult parsed) {
    if (e instanceof UsageException) {
      printer.error(e.getMessage());
      return INVALID;
    }
    printer.failure(cl.getCommandName(), e);
    return FAILED;
  }
}
