package org.basinbench.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.basinbench.report.ReportWriter;
import org.basinbench.run.Outcome;
import org.basinbench.spark.ExperimentSummary;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * Where the commands print (results to {@code out}, problems to {@code err}) and the formats
 * they share: error lines, the run summary, the report line.
 */
final class Printer {
  /** Cells listed in the run summary; the cells table holds them all. */
  static final int SUMMARY_CELLS = 40;

  final PrintStream out;
  final PrintStream err;

  Printer(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  /** One line on stderr: {@code basinbench: MESSAGE}. */
  void error(String message) {
    err.println("basinbench: " + message);
  }

  /** {@code basinbench: WHAT failed: CAUSE}, and the stack trace when BASINBENCH_DEBUG is set. */
  void failure(String what, Throwable t) {
    error(what + " failed: " + rootMessage(t));
    trace(t);
  }

  /** The stack trace, when BASINBENCH_DEBUG is set. */
  void trace(Throwable t) {
    if (System.getenv("BASINBENCH_DEBUG") != null) {
      t.printStackTrace(err);
    }
  }

  /** The innermost cause's class and message, naming the outer exception when it differs. */
  static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return (c == t ? "" : t.getClass().getSimpleName() + " caused by ") + c.getClass().getSimpleName()
        + (m == null ? "" : ": " + m);
  }

  void report(ReportWriter.Result r) {
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

  void summary(ExperimentSummary s) {
    out.printf(Locale.ROOT, "%n%s: %d trials in %d cells, %.1f s (%.0f trials/s)%s%n", s.experiment(),
        s.totalTrials(), s.cells(), s.seconds(), s.totalTrials() / Math.max(s.seconds(), 1e-9),
        s.skipped() ? "; already complete, not rerun" : "");
    StringBuilder totals = new StringBuilder("  outcomes:");
    s.outcomes().forEach((k, v) -> totals.append(' ').append(k).append('=').append(v));
    out.println(totals);
    // Show the parameter columns that vary across cells (and delta, and the solver): the
    // rest are the same in every row and would only push the rates off the screen.
    List<String> shown = new ArrayList<>();
    for (StructField f : Schema.CELL_FIELDS) {
      String name = f.name();
      if (name.equals(Schema.CELL_ID) || name.equals(Schema.CELL_INDEX)) {
        continue;
      }
      boolean varies = s.cellRows().stream().map(r -> String.valueOf(r.<Object>getAs(name))).distinct().count() > 1;
      if (varies || name.equals(Columns.DELTA.name()) || name.equals(Columns.SOLVER_NAME.name())) {
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
    // What ran the arithmetic (the manifest's blas and simd): large products' last bits depend on it.
    out.println("  kernels: BLAS " + org.basinbench.linalg.Blas.implementation() + "; SIMD "
        + org.basinbench.linalg.Simd.implementation());
  }
}
