package org.basinbench.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.basinbench.run.Outcome;
import org.basinbench.report.ReportException;
import org.basinbench.report.ReportWriter;
import org.basinbench.run.Version;
import org.basinbench.spark.BasinBenchJob;
import org.basinbench.spark.ExperimentSummary;
import org.basinbench.spark.OutputException;
import org.basinbench.spark.Schema;
import org.basinbench.spark.Sessions;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecException;
import org.basinbench.spec.SpecParser;

/**
 * The {@code basinbench} command line. Exit codes: 0 success, 2 invalid input (spec,
 * arguments, output path), 1 anything else.
 */
public final class Main {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int INVALID = 2;

  static final String DEFAULT_OUT = "data/out";
  /** Cells listed in the run summary; the cells table holds them all. */
  static final int SUMMARY_CELLS = 40;

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

  public Main(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
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

  /** Parses every spec; reports all problems of all files at once. */
  private List<Experiment> loadSpecs(List<String> files) throws SpecException {
    org.basinbench.spec.FileSource source = org.basinbench.spark.HadoopFiles.fromSparkConf();
    List<Experiment> all = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (String f : files) {
      try {
        for (Experiment e : SpecParser.parseFile(f, source)) {
          String other = names.putIfAbsent(e.name(), f);
          if (other != null) {
            problems.add(f + ": $.experiment: experiment name \"" + e.name() + "\" is also used in " + other
                + "; each experiment writes its own tables, so names must be unique");
          }
          all.add(e);
        }
      } catch (SpecException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return all;
  }

  /** The experiments of every file, or null after printing every problem to stderr. */
  private List<Experiment> loadOrReport(List<String> files, String consequence) {
    try {
      return loadSpecs(files);
    } catch (SpecException e) {
      e.problems().forEach(err::println);
      err.println("invalid: " + e.problems().size() + " problem(s)" + consequence);
      return null;
    }
  }

  private int validate(List<String> args) throws UsageException {
    Parsed p = parse(args, List.of(), "validate");
    if (p.help()) {
      out.print(VALIDATE_USAGE);
      return OK;
    }
    List<Experiment> experiments = loadOrReport(p.specs(), "");
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
    List<Experiment> experiments = loadOrReport(p.specs(), "; nothing was run or written");
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
        err.println("basinbench: --master: could not start Spark with master '" + master + "': " + rootMessage(e));
        return INVALID;
      }
      BasinBenchJob job = new BasinBenchJob(spark,
          new BasinBenchJob.Options(outDir, partitions, tty, p.options().containsKey("--force")), err);
      job.checkOutput(experiments);
      List<ExperimentSummary> summaries = job.run(experiments);
      summaries.forEach(this::printSummary);
      if (p.options().containsKey("--no-report")) {
        return OK;
      }
      // The tables are published by now: a report failure loses nothing, but is not success.
      try {
        printReport(ReportWriter.write(spark, outDir, null));
        return OK;
      } catch (Exception e) {
        err.println("basinbench: warning: the tables and manifests are complete, but the report could not be"
            + " written (" + rootMessage(e) + "); 'basinbench report " + outDir + "' retries");
        return FAILED;
      }
    } catch (OutputException e) {
      err.println("basinbench: " + e.getMessage());
      return INVALID;
    } catch (Exception e) {
      err.println("basinbench: run failed: " + rootMessage(e));
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
      err.println("basinbench: OUT: " + dir + " cannot be read: " + rootMessage(e));
      return INVALID;
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = null;
    try {
      spark = Sessions.create(null);
      printReport(ReportWriter.write(spark, dir, html));
      return OK;
    } catch (ReportException e) {
      err.println("basinbench: " + e.getMessage());
      return INVALID;
    } catch (Exception e) {
      err.println("basinbench: report failed: " + rootMessage(e));
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

  private void printReport(ReportWriter.Result r) {
    out.printf(Locale.ROOT, "%nreport: %s (%.1f MB; %d experiment(s), %d figure(s))%n", r.path(), r.bytes() / 1e6,
        r.experiments(), r.figures());
  }

  /** A parameter value for the summary: "-" for null, 4 significant digits for doubles. */
  static String cell(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.4g", d);
    }
    return v.toString();
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return (c == t ? "" : t.getClass().getSimpleName() + " caused by ") + c.getClass().getSimpleName()
        + (m == null ? "" : ": " + m);
  }

  private void printSummary(ExperimentSummary s) {
    out.printf(Locale.ROOT, "%n%s: %d trials in %d cells, %.1f s (%.0f trials/s)%s%n", s.experiment(),
        s.totalTrials(), s.cells(), s.seconds(), s.totalTrials() / Math.max(s.seconds(), 1e-9),
        s.skipped() ? "; already complete, not rerun" : "");
    StringBuilder totals = new StringBuilder("  outcomes:");
    s.outcomes().forEach((k, v) -> totals.append(' ').append(k).append('=').append(v));
    out.println(totals);
    // Show the parameter columns that vary across cells (and delta, and the solver): the
    // rest are the same in every row and would only push the rates off the screen.
    List<String> shown = new ArrayList<>();
    for (org.apache.spark.sql.types.StructField f : Schema.CELL_FIELDS) {
      String name = f.name();
      if (name.equals(Schema.CELL_ID) || name.equals(Schema.CELL_INDEX)) {
        continue;
      }
      boolean varies = s.cellRows().stream().map(r -> String.valueOf(r.<Object>getAs(name))).distinct().count() > 1;
      if (varies || name.equals(Schema.DELTA) || name.equals(Schema.SOLVER)) {
        shown.add(name);
      }
    }
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-12s", "cell"));
    shown.forEach(c -> header.append(String.format(Locale.ROOT, " %9s", c)));
    out.println(header.append(String.format(Locale.ROOT, " %8s  %-17s %s", "failure", "95% CI",
        "success/spurious/other/not-conv/diverged")));
    int count = 0;
    for (Row r : s.cellRows()) {
      if (count++ == SUMMARY_CELLS) {
        out.println("  ... " + (s.cellRows().size() - SUMMARY_CELLS) + " more cells in the cells table");
        break;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s", r.<String>getAs(Schema.CELL_ID)));
      for (String c : shown) {
        line.append(String.format(Locale.ROOT, " %9s", cell(r.<Object>getAs(c))));
      }
      StringBuilder counts = new StringBuilder();
      for (Outcome o : Outcome.values()) {
        counts.append(counts.length() == 0 ? "" : "/").append(r.<Long>getAs(Schema.outcomeCount(o)));
      }
      out.println(line.append(String.format(Locale.ROOT, " %8.4f  [%.4f, %.4f]  %s",
          r.<Double>getAs(Schema.FAILURE_RATE), r.<Double>getAs(Schema.CI_LOW), r.<Double>getAs(Schema.CI_HIGH),
          counts)));
    }
    s.tablePaths().forEach(t -> out.println("  table: " + t));
    out.println("  manifest: " + s.manifestPath());
  }
}
