package org.basinbench.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.basinbench.rng.InitDistribution;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code basinbench validate}: checks specs and prints their expanded grids; runs and writes nothing. */
@Command(name = "validate",
    header = "Check specs and print their expanded grids; runs nothing.",
    description = {
        "Checks the specs, reports every problem (with its JSON path and the allowed range) and prints each"
            + " experiment's expanded grid: cells x trials = runs (adaptive experiments: the first round and the"
            + " cap), an upper bound on the work (solver iterations and GFLOP if every trial used its whole"
            + " budget) and one line per cell. Runs nothing, writes nothing.",
        ""},
    footer = {"", "Exit code 0 when every spec is valid, 2 otherwise."})
final class ValidateCommand extends Subcommand {
  @Parameters(paramLabel = "SPEC.json", arity = "1..*",
      description = "experiment specs: local paths or Hadoop URIs (hdfs:, s3a:, ...)")
  List<String> specs;

  @Override
  public Integer call() {
    List<Experiment> experiments = SpecFiles.loadOrReport(specs, "", printer());
    if (experiments == null) {
      return Main.INVALID;
    }
    PrintStream out = printer().out;
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
    return Main.OK;
  }

  static String describe(Cell c) {
    String init = c.init() instanceof InitDistribution.Interpolate in
        ? in.kind() + "(" + in.point() + ", gamma=" + in.gamma() + ", scale=" + in.scale() + ")"
        : c.init() instanceof InitDistribution.Near near
            ? near.kind() + "(" + near.point() + ", scale=" + near.scale() + ")"
            : c.init().kind() + "(" + c.init().parameter() + ")";
    return c.instance().describe() + "  init " + init + "  " + c.solver().describe();
  }
}
