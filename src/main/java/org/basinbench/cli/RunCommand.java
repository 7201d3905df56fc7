package org.basinbench.cli;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.basinbench.report.ReportWriter;
import org.basinbench.spark.BasinBenchJob;
import org.basinbench.spark.OutputException;
import org.basinbench.spark.Sessions;
import org.basinbench.spec.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code basinbench run}: every experiment of the specs on Spark, tables and the report under --out. */
@Command(name = "run", sortOptions = false,
    header = "Run the specs' experiments on Spark; write tables under DIR.",
    description = {
        "Runs every experiment in the given specs and writes, per experiment NAME:",
        "  DIR/trials/experiment=NAME/  one row per trial (Parquet)",
        "  DIR/cells/experiment=NAME/   one row per cell: failure rate, Wilson 95%%",
        "                               interval, outcome counts (Parquet)",
        "  DIR/manifests/NAME.json      spec, hash, versions, master, times, outcome",
        "                               totals",
        "Tables appear only when complete; a failed run leaves earlier tables untouched. An experiment"
            + " whose manifest in DIR records the same spec hash is skipped (so a killed run, started again,"
            + " resumes after its last complete experiment); an experiment of the same name from a different"
            + " spec is refused.",
        ""},
    footer = {"", "Exit codes: 0 success, 2 invalid input (spec, arguments, output path),", "1 other failure."})
final class RunCommand extends Subcommand {
  static final String DEFAULT_OUT = "data/out";

  @Parameters(paramLabel = "SPEC.json", arity = "1..*",
      description = "experiment specs: local paths or Hadoop URIs (hdfs:, s3a:, ...)")
  List<String> specs;

  @Option(names = "--out", paramLabel = "DIR",
      description = "output directory (default " + DEFAULT_OUT + "); a local path or any Hadoop URI")
  String out = DEFAULT_OUT;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit set, else local[*])")
  String master;

  @Option(names = "--partitions", paramLabel = "N",
      description = "number of Spark tasks (default: 32 per core, at most 5000 trials each); results are"
          + " identical for every N")
  String partitions;

  @Option(names = "--force", arity = "0",
      description = "recompute complete experiments, and replace the tables of an experiment that a different"
          + " spec of the same name wrote")
  boolean force;

  @Option(names = "--spark-progress", arity = "0",
      description = "show Spark's console progress bar (off: BasinBench prints its own line)")
  boolean sparkProgress;

  @Option(names = "--ui", arity = "0",
      description = "start the Spark web UI of a local run, bound to 127.0.0.1 (off by default)")
  boolean ui;

  @Option(names = "--wait", arity = "0",
      description = "if another run is writing into --out, wait for it to finish (by default the run is refused,"
          + " exit 2, naming the other run)")
  boolean await;

  @Option(names = "--no-report", arity = "0",
      description = "do not write DIR/report.html at the end (written by default; if it fails, the tables stay"
          + " published, a warning names the cause and the exit code is 1)")
  boolean noReport;

  @Override
  public Integer call() throws UsageException {
    Printer p = printer();
    int tasks = partitions();
    if (master != null && master.isBlank()) {
      throw new UsageException("--master must not be empty (e.g. local[2], spark://host:7077)");
    }
    List<Experiment> experiments = SpecFiles.loadOrReport(specs, "; nothing was run or written", p);
    if (experiments == null) {
      return Main.INVALID;
    }
    for (Experiment e : experiments) {
      e.notes().forEach(n -> p.err.println("note: " + n));
    }
    if (LocalOutputCheck.isLocal(out)) {
      String problem = LocalOutputCheck.problem(out);
      if (problem != null) {
        p.error(problem);
        return Main.INVALID;
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
        spark = Sessions.create(master, ui, sparkProgress);
      } catch (Exception e) { // SparkException is checked but thrown undeclared from Scala
        if (master == null) {
          throw e;
        }
        p.error("--master: could not start Spark with master '" + master + "': " + Printer.rootMessage(e));
        return Main.INVALID;
      }
      BasinBenchJob job = new BasinBenchJob(spark, new BasinBenchJob.Options(out, tasks, tty, force, await), p.err);
      job.checkOutput(experiments);
      job.run(experiments).forEach(p::summary);
      if (noReport) {
        return Main.OK;
      }
      // The tables are published by now: a report failure loses nothing, but is not success.
      try {
        p.report(ReportWriter.write(spark, out, null));
        return Main.OK;
      } catch (Exception e) {
        p.error("warning: the tables and manifests are complete, but the report could not be written ("
            + Printer.rootMessage(e) + "); 'basinbench report " + out + "' retries");
        return Main.FAILED;
      }
    } catch (OutputException e) {
      p.error(e.getMessage());
      return Main.INVALID;
    } catch (Exception e) {
      p.error("run failed: " + Printer.rootMessage(e));
      p.err.println("(tables of experiments completed before the failure are published; the rest were not written)");
      p.trace(e);
      return Main.FAILED;
    } finally {
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }

  /** --partitions, or 0 for the default. */
  private int partitions() throws UsageException {
    if (partitions == null) {
      return 0;
    }
    int n;
    try {
      n = Integer.parseInt(partitions);
    } catch (NumberFormatException e) {
      n = -1;
    }
    if (n < 1) {
      throw new UsageException("--partitions must be an integer >= 1, got " + partitions);
    }
    return n;
  }
}
