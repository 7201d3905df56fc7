package org.basinbench.cli;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.basinbench.report.ReportException;
import org.basinbench.report.ReportWriter;
import org.basinbench.spark.Sessions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code basinbench report}: the HTML report of an output directory; runs nothing. */
@Command(name = "report",
    header = "Write an output directory's HTML report ('run' writes it too).",
    description = {
        "Reads the Parquet tables and manifests under OUT (the --out directory of a run; runs nothing) and"
            + " writes one self-contained HTML file that works offline (Plotly, data and script inlined): per"
            + " experiment, a run summary, the figures its tables support, and its certificates.",
        ""},
    footer = {"", "Exit code 2 when OUT is missing or is not a BasinBench output directory", "(nothing is written)."})
final class ReportCommand extends Subcommand {
  @Parameters(paramLabel = "OUT", description = "the output directory of a run: a local path or any Hadoop URI")
  String dir;

  @Option(names = "--html", paramLabel = "FILE",
      description = "where to write the report (default OUT/report.html); written whole or not at all")
  String html;

  @Override
  public Integer call() {
    Printer p = printer();
    try {
      if (LocalOutputCheck.isLocal(dir)) { // fail fast, before Spark starts
        ReportWriter.check(dir, html, new Configuration());
      }
    } catch (ReportException e) {
      p.error(e.getMessage());
      return Main.INVALID;
    } catch (IOException e) {
      p.error("OUT: " + dir + " cannot be read: " + Printer.rootMessage(e));
      return Main.INVALID;
    }
    boolean ownSession = SparkSession.getDefaultSession().isEmpty();
    SparkSession spark = null;
    try {
      spark = Sessions.create(null);
      p.report(ReportWriter.write(spark, dir, html));
      return Main.OK;
    } catch (ReportException e) {
      p.error(e.getMessage());
      return Main.INVALID;
    } catch (Exception e) {
      p.failure("report", e);
      return Main.FAILED;
    } finally {
      if (spark != null && ownSession) {
        spark.stop();
      }
    }
  }
}
