package org.basinbench.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.basinbench.report.ReportException;
import org.basinbench.report.ReportWriter;
import org.basinbench.run.Version;
import org.basinbench.spark.BasinBenchJob;
import org.basinbench.spark.ExperimentSummary;
import org.basinbench.spark.OutputException;
import org.basinbench.spark.Sessions;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;

/**
 * The {@code basinbench} command line. Exit codes: 0 success, 2 invalid input (spec,
 * arguments, output path), 1 anything else.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;

  static final String DEFAULT_OUT = "data/out";

  static final String USAGE = """
      BasinBench: how often does local optimisation fail on nonnegative low-rank problems?

      Usage:
        basinbench run SPEC.json [SPEC.json ...] [--out DIR] [--master URL] [--partitions N] [--force] [--no-report]
        basinbench report OUT [--html FILE]
        basinbench validate SPEC.json [SPEC.json ...]
        basinbench schema
        basinbench bench CASE... | all
        basinbench --help | --version

      Commands:
        run        run every experiment of the specs on Spark, write Parquet tables under DIR
        report     write the HTML report of an output directory (runs nothing; 'run' writes it too)
        validate   check specs and print their expanded grids, without running anything
        schema     print the JSON Schema of the spec language (the file jobs/schema/basinbench.schema.json)
        bench      run benchmark cases and print their figures ('name: value' lines)

      Run 'basinbench COMMAND --help' for a command's options.
      Exit codes: 0 success, 2 invalid input (spec, arguments, output path), 1 other failure.
      """;

  static final String RUN_USAGE = """
      Usage: basinbench run SPEC.json [SPEC.json ...] [options]

      Runs every experiment in the given specs and writes, per experiment NAME:
        DIR/trials/experiment=NAME/   one row per trial (Parquet)
        DIR/cells/experiment=NAME/    one row per cell: failure rate, Wilson 95% interval, outcome counts
        DIR/manifests/NAME.json       spec, hash, versions, master, times, outcome totals
      Tables appear only when complete; a failed run leaves earlier tables untouched.
      An experiment whose manifest in DIR records the same spec hash is skipped (so a killed
      run, started again, resumes after its last complete experiment); an experiment of the
      same name from a different spec is refused.

      Options:
        --out DIR          output directory (default data/out); a local path or any Hadoop URI
        --master URL       Spark master (default: the one spark-submit set, else local[*])
        --partitions N     number of Spark tasks (default: 32 per core, at most 5000 trials each);
                           results are identical for every N
        --force            recompute complete experiments, and replace the tables of an experiment
                           that a different spec of the same name wrote
        --spark-progress   show Spark's console progress bar (off: BasinBench prints its own line)
        --ui               start the Spark web UI of a local run, bound to 127.0.0.1 (off by default)
        --no-report        do not write DIR/report.html at the end (written by default; if it fails, the
                           tables stay published, a warning names the cause and the exit code is 1)
        --help             this text
      """;

  static final String REPORT_USAGE = """
      Usage: basinbench report OUT [--html FILE]

      Reads the Parquet tables and manifests under OUT (the --out directory of a run; runs nothing)
      and writes one self-contained HTML file that works offline (Plotly, data and script inlined):
      per experiment, a run summary, the figures its tables support, and its certificates.

      Options:
        --html FILE   where to write the report (default OUT/report.html); written whole or not at all
        --help        this text
      Exit code 2 when OUT is missing or is not a BasinBench output directory (nothing is written).
      """;

  static final String VALIDATE_USAGE = """
      Usage: basinbench validate SPEC.json [SPEC.json ...]

      Checks the specs, reports every problem (with its JSON path and the allowed range) and
      prints each experiment's expanded grid: cells x trials = runs (adaptive experiments: the
      first round and the cap), an upper bound on the work (solver iterations and GFLOP if every
      trial used its whole budget) and one line per cell. Runs nothing, writes nothing.
      Exit code 0 when every spec is valid, 2 otherwise.
      """;

  private final PrintStream out;
  private final PrintStream err;
  private final Printer printer;

  public Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
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
    try {
      if (args.length == 0) {
        err.print(USAGE);
        return INVALID;
      }
      String cmd = args[0];
      List<String> rest = List.of(args).subList(1, args.length);
      switch (cmd) {
        case "-h", "--help", "help" -> {
          out.print(USAGE);
          return OK;
        }
        case "--version" -> {
          out.println("basinbench " + Version.basinbench());
          return OK;
        }
        case "run" -> {
          return run(rest);
        }
        case "validate" -> {
          return validate(rest);
        }
        case "report" -> {
          return report(rest);
        }
        case "bench" -> {
          return org.basinbench.bench.Bench.run(rest, out, err);
        }
        case "schema" -> {
          if (!rest.isEmpty()) {
            throw new UsageException("'schema' takes no arguments; it prints the spec language's JSON Schema");
          }
          out.print(org.basinbench.spec.SpecSchema.generate());
          return OK;
        }
        default -> throw new UsageException("unknown command '" + cmd + "'; commands: run, report, validate, schema, bench (see --help)");
      }
    } catch (UsageException e) {
      err.println("basinbench: " + e.getMessage());
      return INVALID;
    }
  }

  /** Parsed options of a command; flags map to "true". */
  private record Parsed(List<String> specs, Map<String, String> options, boolean help) {}

  private static Parsed parse(List<String> args, List<String> valued, String cmd) throws UsageException {
    return parse(args, valued, List.of(), cmd);
  }

  private static Parsed parse(List<String> args, List<String> valued, List<String> flags, String cmd)
      throws UsageException {
    return parse(args, valued, flags, cmd, "at least one SPEC.json");
  }

  private static Parsed parse(List<String> args, List<String> valued, List<String> flags, String cmd,
      String positional) throws UsageException {
    List<String> specs = new ArrayList<>();
    Map<String, String> opts = new HashMap<>();
    boolean help = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--help") || a.equals("-h")) {
        help = true;
      } else if (a.startsWith("--")) {
        String name = a;
        String value = null;
        int eq = a.indexOf('=');
        if (eq > 0) {
          name = a.substring(0, eq);
          value = a.substring(eq + 1);
        }
        if (flags.contains(name)) {
          if (value != null) {
            throw new UsageException("option " + name + " takes no value");
          }
          opts.put(name, "true");
          continue;
        }
        if (!valued.contains(name)) {
          List<String> all = new ArrayList<>(valued);
          all.addAll(flags);
          String hint = all.isEmpty() ? "" : "; options of '" + cmd + "': " + String.join(", ", all);
          throw new UsageException("unknown option " + name + " for '" + cmd + "'" + hint);
        }
        if (value == null) {
          if (i + 1 >= args.size()) {
            throw new UsageException("option " + name + " needs a value");
          }
          value = args.get(++i);
        }
        opts.put(name, value);
      } else {
        specs.add(a);
      }
    }
    if (!help && specs.isEmpty()) {
      throw new UsageException("'" + cmd + "' needs " + positional + " (see 'basinbench " + cmd + " --help')");
    }
    return new Parsed(specs, opts, help);
  }

  private int validate(List<String> args) throws UsageException {
    Parsed p = parse(args, List.of(), "validate");
    if (p.help()) {
      out.print(VALIDATE_USAGE);
      return OK;
    }
    List<Experiment> experiments = SpecFiles.loadOrReport(p.specs(), "", printer);
    if (experiments == null) {
      return INVALID;
    }
    for (Experiment e : experiments) {
      // Upper bounds: every trial runs its whole budget (most converge long before).
      int perCell = e.adaptive() == null ? e.trials() : e.adaptive().maxTrials();
      double maxIterations = 0;
      double flops = 0;
      for (Cell c : e.cells()) {
        double its = (double) c.solver().maxIter() * perCell;
        maxIterations += its;
        flops += its * c.instance().flopsPerIteration();
      }
      String runs = e.adaptive() == null ? e.totalTrials() + " runs"
          : e.totalTrials() + " runs in the first round, at most " + (long) e.cells().size() * perCell
              + " (adaptive: interval half-width " + e.adaptive().halfWidth() + ")";
      out.printf(Locale.ROOT, "%s (%s): %d cells x %d trials = %s%n", e.name(), e.source(), e.cells().size(),
          e.trials(), runs);
      out.printf(Locale.ROOT, "  work: at most %.3g solver iterations, %s (every trial using its whole budget)%n",
          maxIterations, Double.isFinite(flops) ? String.format(Locale.ROOT, "about %.3g GFLOP", flops / 1e9)
              : "flops unknown");
      e.notes().forEach(n -> out.println("  note: " + n));
      for (Cell c : e.cells()) {
        out.println("  " + c.cellId() + "  " + describe(c));
      }
    }
    out.println("valid: " + experiments.size() + " experiment(s)");
    return OK;
  }

  static String describe(Cell c) {
    String init = c.init() instanceof org.basinbench.rng.InitDistribution.Interpolate in
        ? in.kind() + "(" + in.point() + ", gamma=" + in.gamma() + ", scale=" + in.scale() + ")"
        : c.init() instanceof org.basinbench.rng.InitDistribution.Near near
            ? near.kind() + "(" + near.point() + ", scale=" + near.scale() + ")"
            : c.init().kind() + "(" + c.init().parameter() + ")";
    return c.instance().describe() + "  init " + init + "  " + c.solver().describe();
  }

  private int run(List<String> args) throws UsageException {
    Parsed p = parse(args, List.of("--out", "--master", "--partitions"),
        List.of("--force", "--spark-progress", "--ui", "--no-report"),
        "run");
    if (p.help()) {
      out.print(RUN_USAGE);
      return OK;
    }
    String outDir = p.options().getOrDefault("--out", DEFAULT_OUT);
    int partitions = 0;
    if (p.options().containsKey("--partitions")) {
      try {
        partitions = Integer.parseInt(p.options().get("--partitions"));
      } catch (NumberFormatException e) {
        partitions = -1;
      }
      if (partitions < 1) {
        throw new UsageException("--partitions must be an integer >= 1, got " + p.options().get("--partitions"));
      }
    }
    String master = p.options().get("--master");
    if (master != null && master.isBlank()) {
      throw new UsageException("--master must not be empty (e.g. local[2], spark://host:7077)");
    }
    List<Experiment> experiments = SpecFiles.loadOrReport(p.specs(), "; nothing was run or written", printer);
    if (experiments == null) {
      return INVALID;
    }
    for (Experiment e : experiments) {
      e.notes().forEach(n -> err.println("note: " + n));
    }
    if (LocalOutputCheck.isLocal(outDir)) {
      String problem = LocalOutputCheck.problem(outDir);
      if (problem != null) {
        err.println("basinbench: " + problem);
        return INVALID;
      }
    }
    boolean tty = switch (String.valueOf(System.getenv("BASINBENCH_PROGRESS"))) {
      case "tty" -> true;
      case "plain" -> false;
      default -> System.console() != null;
    };
    SparkSession spark = null;
    // Stop only a session this command created, never one its host (a test, a notebook) owns.
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    try {
      try {
        spark = Sessions.create(master, p.options().containsKey("--ui"), p.options().containsKey("--spark-progress"));
      } catch (Exception e) { // SparkException is checked but thrown undeclared from Scala
        if (master == null) {
          throw e;
        }
        err.println("basinbench: --master: could not start Spark with master '" + master + "': " + Printer.rootMessage(e));
        return INVALID;
      }
      BasinBenchJob job = new BasinBenchJob(spark,
          new BasinBenchJob.Options(outDir, partitions, tty, p.options().containsKey("--force")), err);
      job.checkOutput(experiments);
      List<ExperimentSummary> summaries = job.run(experiments);
      summaries.forEach(printer::summary);
      if (p.options().containsKey("--no-report")) {
        return OK;
      }
      // The tables are published by now: a report failure loses nothing, but is not success.
      try {
        printer.report(ReportWriter.write(spark, outDir, null));
        return OK;
      } catch (Exception e) {
        err.println("basinbench: warning: the tables and manifests are complete, but the report could not be"
            + " written (" + Printer.rootMessage(e) + "); 'basinbench report " + outDir + "' retries");
        return FAILED;
      }
    } catch (OutputException e) {
      err.println("basinbench: " + e.getMessage());
      return INVALID;
    } catch (Exception e) {
      err.println("basinbench: run failed: " + Printer.rootMessage(e));
      err.println("(tables of experiments completed before the failure are published; the rest were not written)");
      if (System.getenv("BASINBENCH_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return FAILED;
    } finally {
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }

  private int report(List<String> args) throws UsageException {
    Parsed p = parse(args, List.of("--html"), List.of(), "report", "the output directory OUT of a run");
    if (p.help()) {
      out.print(REPORT_USAGE);
      return OK;
    }
    if (p.specs().size() != 1) {
      throw new UsageException("'report' takes one output directory, got " + p.specs().size() + ": "
          + String.join(" ", p.specs()));
    }
    String dir = p.specs().get(0);
    String html = p.options().get("--html");
    try {
      if (LocalOutputCheck.isLocal(dir)) { // fail fast, before Spark starts
        ReportWriter.check(dir, html, new org.apache.hadoop.conf.Configuration());
      }
    } catch (ReportException e) {
      err.println("basinbench: " + e.getMessage());
      return INVALID;
    } catch (java.io.IOException e) {
      err.println("basinbench: OUT: " + dir + " cannot be read: " + Printer.rootMessage(e));
      return INVALID;
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = null;
    try {
      spark = Sessions.create(null);
      printer.report(ReportWriter.write(spark, dir, html));
      return OK;
    } catch (ReportException e) {
      err.println("basinbench: " + e.getMessage());
      return INVALID;
    } catch (Exception e) {
      err.println("basinbench: report failed: " + Printer.rootMessage(e));
      if (System.getenv("BASINBENCH_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return FAILED;
    } finally {
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }
}
