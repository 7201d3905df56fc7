package org.basinbench.run;

import org.basinbench.spec.Capability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.basinbench.instance.Problem;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.Termination;
import org.basinbench.solver.Trace;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecException;
import org.basinbench.spec.SpecParser;
import org.junit.jupiter.api.Test;

/**
 * The contract every solver keeps on every family the spec lets it run on, down to the
 * smallest sizes the validator accepts: x0 is not modified; the budget holds; a projecting
 * solver keeps the iterate nonnegative; the reported loss is the loss of the returned point;
 * a CONVERGED result meets its tolerance; the same inputs give bit-identical results.
 */
class SolverContractTest {
  static final String[] FAMILIES = {
    "{\"family\": \"nonneg-counterexample\", \"n\": 2, \"rStar\": 1, \"r\": 1, \"alpha\": 0.5, \"epsilon\": 0.5}",
    "{\"family\": \"nonneg-counterexample\", \"variant\": \"asymmetric\", \"lambda\": 0.25, \"n\": 3, \"rStar\": 1, "
        + "\"r\": 2, \"alpha\": 0.5, \"epsilon\": 0.5}",
    "{\"family\": \"nonneg-counterexample\", \"operator\": \"identity\", \"n\": 2, \"rStar\": 1, \"r\": 1}",
    "{\"family\": \"rip-half\"}",
    "{\"family\": \"planted-nmf\", \"n\": 1, \"m\": 1, \"rStar\": 1, \"r\": 1}",
    "{\"family\": \"planted-nmf\", \"n\": 5, \"m\": 4, \"rStar\": 2, \"r\": 3, \"p\": 0.6, \"noise\": 0.01}",
    "{\"family\": \"gaussian-sensing\", \"n\": 2, \"rStar\": 1, \"r\": 1, \"m\": 1}",
    "{\"family\": \"robust-sensing\", \"n\": 3, \"rStar\": 1, \"r\": 1, \"m\": 6, \"p\": 0.3}",
    // Real data through the image path, averaged down to 6 x 10 so that the contract stays quick.
    "{\"family\": \"matrix-file\", \"path\": \"data/china.jpg\", \"downsample\": 64, \"r\": 2}",
  };
  static final String[] SOLVERS = {
    "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 300}",
    "{\"name\": \"pgd\", \"stepRule\": \"armijo\", \"step\": 1, \"maxIter\": 300}",
    "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 300, \"threshold\": 0.2, \"restarts\": 3}",
    "{\"name\": \"gd\", \"step\": 0.01, \"maxIter\": 300}",
    "{\"name\": \"subgradient\", \"step\": 0.1, \"decay\": 0.99, \"maxIter\": 300}",
    "{\"name\": \"subgradient\", \"step\": 0.1, \"decay\": 0.99, \"maxIter\": 300, \"constraint\": \"none\"}",
    "{\"name\": \"mu\", \"maxIter\": 300}",
    "{\"name\": \"hals\", \"maxIter\": 50}",
    "{\"name\": \"sgd\", \"step\": 0.01, \"batch\": 2, \"maxIter\": 300}",
    "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 300, \"blocks\": \"alternating\"}",
    "{\"name\": \"pgd\", \"stepRule\": \"armijo\", \"step\": 1, \"maxIter\": 300, \"blocks\": \"alternating\","
        + " \"threshold\": 0.2}",
    "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 300, \"relTol\": 1e-3, \"stallWindow\": 20,"
        + " \"stallTol\": 1e-3}",
    "{\"name\": \"mu\", \"maxIter\": 300, \"threshold\": 0.2, \"restarts\": 3, \"stallWindow\": 50}",
  };

  @Test
  void everySolverKeepsTheContractOnEveryFamilyItAccepts() {
    int pairs = 0;
    for (String family : FAMILIES) {
      for (String solver : SOLVERS) {
        Experiment e;
        try {
          e = SpecParser.parse("{\"experiment\": \"c\", \"seed\": 2, \"trials\": 3, \"instance\": " + family
              + ", \"init\": {\"kind\": \"half-normal\", \"scale\": 0.5}, \"solvers\": [" + solver + "]}", "c.json").get(0);
        } catch (SpecException rejected) {
          assertTrue(rejected.getMessage().contains("solvers[0]"), "only a solver-family mismatch may be refused: "
              + rejected.getMessage());
          continue;
        }
        pairs++;
        Cell cell = e.cells().get(0);
        for (int trial = 0; trial < 3; trial++) {
          Problem p = cell.instance().problem(new SplitMix64(TrialRunner.instanceSeed(2, cell.instanceKey(), trial)));
          double[] x0 = new double[p.objective().dim()];
          cell.init().draw(new SplitMix64(100 + trial), x0);
          double[] copy = x0.clone();
          SolveResult a = cell.solver().solve(p, x0, new SplitMix64(org.basinbench.rng.Seeds.derive(7 + trial, TrialRunner.STREAM_SOLVER)),
              new Trace(cell.solver().maxIter(), false));
          String what = solver + " on " + family + ", trial " + trial;
          assertArrayEquals(copy, x0, 0.0, "x0 not modified: " + what);
          assertNotNull(a.termination(), what);
          assertTrue(a.iterations() >= 0 && a.iterations() <= cell.solver().maxIter(), "budget: " + what);
          assertEquals(p.objective().dim(), a.x().length, what);
          if (a.termination() != Termination.DIVERGED) {
            assertEquals(p.objective().value(a.x()), a.loss(), 0.0, "loss of the returned point: " + what);
          }
          if (cell.solver().requirements().stream().anyMatch(r -> r.anyOf().contains(Capability.NONNEGATIVE))) {
            for (double v : a.x()) {
              assertTrue(v >= 0, "nonnegative: " + what);
            }
          }
          Trace trace = a.trace();
          if (a.termination() == Termination.CONVERGED) {
            // The relative rule (relTol 1e-3 of the start's residual) is the only looser one here.
            double start = trace.pgNorm(0);
            assertTrue(a.pgNorm() <= Math.max(1e-8, solver.contains("relTol") ? 1e-3 * start : 0),
                "converged means a tolerance was met: " + what);
          }
          assertTrue(trace.size() >= 1 && trace.iteration(0) == 0, "the trace starts at update 0: " + what);
          for (int k = 1; k < trace.size(); k++) {
            assertTrue(trace.iteration(k) > trace.iteration(k - 1), "checkpoints increase: " + what);
            assertTrue(trace.nanos(k) >= trace.nanos(k - 1), "wall time increases: " + what);
          }
          assertEquals(a.iterations(), trace.iteration(trace.size() - 1), "the trace ends at the end: " + what);
          assertEquals(a.loss(), trace.loss(trace.size() - 1), 0.0, "the trace's last loss: " + what);
          assertTrue(a.wallNanos() >= 0, what);
          SolveResult b = cell.solver().solve(p, x0, new SplitMix64(org.basinbench.rng.Seeds.derive(7 + trial, TrialRunner.STREAM_SOLVER)),
              new Trace(cell.solver().maxIter(), false));
          assertArrayEquals(a.x(), b.x(), 0.0, "bit-identical: " + what);
          assertEquals(a.loss(), b.loss(), 0.0, what);
          assertEquals(a.iterations(), b.iterations(), what);
        }
      }
    }
    // 9 families x 13 solvers minus the refused pairings (hals/mu outside their families,
    // projecting solvers on rip-half, gradient solvers on the l1 loss, alternating blocks on
    // one-factor problems): the contract ran on most of the catalogue.
    System.out.println("solver contract: " + pairs + " solver-family pairs");
    assertTrue(pairs >= 60, "pairs checked: " + pairs);
  }
}
