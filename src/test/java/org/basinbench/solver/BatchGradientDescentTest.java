package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.basinbench.instance.RipHalf;
import org.basinbench.objective.BatchObjective;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

class BatchGradientDescentTest {
  static final BatchObjective F = RipHalf.batchObjective();

  /** Starts that end every way: at the truth at once, by divergence, by the budget, by the rules. */
  static double[][] starts(int n, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    double[][] s = new double[n][];
    for (int i = 0; i < n; i++) {
      s[i] = switch (i % 50) {
        case 0 -> RipHalf.truth();
        case 1 -> new double[] {40, -40};      // the first step overshoots: diverges
        case 2 -> RipHalf.bad();
        default -> new double[] {rng.nextGaussian(), rng.nextGaussian()};
      };
    }
    return s;
  }

  static SolveResult[] solve(double[][] starts, StepConfig cfg, boolean keepPoints) {
    Trace[] traces = new Trace[starts.length];
    for (int i = 0; i < traces.length; i++) {
      traces[i] = new Trace(cfg.maxIter(), keepPoints);
    }
    return BatchGradientDescent.solve(F, starts, cfg, traces);
  }

  static List<Object> bits(SolveResult r) {
    List<Object> out = new ArrayList<>(List.of(r.iterations(), r.termination(),
        Double.doubleToLongBits(r.loss()), Double.doubleToLongBits(r.pgNorm())));
    for (double v : r.x()) {
      out.add(Double.doubleToLongBits(v));
    }
    for (int k = 0; k < r.trace().size(); k++) {
      out.add(r.trace().iteration(k));
      out.add(Double.doubleToLongBits(r.trace().loss(k)));
      out.add(Double.doubleToLongBits(r.trace().pgNorm(k)));
    }
    return out;
  }

  /**
   * A lane's result is the one it gets alone, whatever the batch: more than a block of starts
   * (so several blocks and lanes leaving mid-block), with each stopping rule in play.
   */
  @Test
  void everyLaneEndsAsItsOneLaneRunDoes() {
    double[][] s = starts(BatchGradientDescent.BLOCK * 2 + 37, 1);
    List<StepConfig> configs = List.of(
        new StepConfig(0.01, 3000, 1e-8),
        new StepConfig(0.01, new Stopping(3000, 0, 1e-6, 0, 0), false),
        new StepConfig(0.01, new Stopping(3000, 1e-10, 0, 100, 1e-3), false));
    for (StepConfig cfg : configs) {
      SolveResult[] all = solve(s, cfg, false);
      Map<Termination, Integer> seen = new EnumMap<>(Termination.class);
      for (int i = 0; i < s.length; i++) {
        SolveResult alone = solve(new double[][] {s[i]}, cfg, false)[0];
        assertEquals(bits(alone), bits(all[i]), "start " + i + " with " + cfg);
        seen.merge(all[i].termination(), 1, Integer::sum);
      }
      assertTrue(seen.getOrDefault(Termination.DIVERGED, 0) > 0, seen.toString());
      assertTrue(seen.getOrDefault(Termination.CONVERGED, 0) > 0, seen.toString());
    }
    SolveResult[] budget = solve(s, new StepConfig(0.01, 20, 0.0), true);
    assertEquals(20, budget[3].iterations());
    assertEquals(Termination.BUDGET, budget[3].termination());
    assertEquals(0, budget[0].iterations(), "the truth is stationary at the start");
    assertTrue(budget[3].trace().keepsPoints());
  }

  /** The scalar batch kernel at one point, as a plain objective for the one-start loop. */
  static Objective oneLane(BatchObjective b) {
    return new Objective() {
      final double[][] x = new double[2][1];
      final double[][] g = new double[2][1];
      final double[] loss = new double[1];
      final double[] gn2 = new double[1];

      @Override
      public int dim() {
        return 2;
      }

      @Override
      public double value(double[] p) {
        return valueAndGradient(p, new double[2]);
      }

      @Override
      public double valueAndGradient(double[] p, double[] grad) {
        x[0][0] = p[0];
        x[1][0] = p[1];
        b.evaluate(x, 1, loss, g, gn2);
        grad[0] = g[0][0];
        grad[1] = g[1][0];
        return loss[0];
      }
    };
  }

  /**
   * The flag must be conservative: the batch ends every lane exactly where the one-start loop of
   * GradientDescent (which applies every rule at every update) ends on the same loss, including
   * tolerances at the edge of the flag's margin (near sqrt(MIN_NORMAL), where the norm is
   * computed scaled), a tolerance met at the start, relative and stall rules, and divergence.
   */
  @Test
  void everyLaneEndsAsTheOneStartLoopDoes() {
    Objective one = oneLane(RipHalf.scalarBatchObjective());
    double[][] s = starts(300, 3);
    s[5] = new double[] {1e-170, 1.0};
    s[6] = new double[] {Double.NaN, 0.5};
    List<StepConfig> configs = List.of(
        new StepConfig(0.01, 2000, 0.0),
        new StepConfig(0.01, 2000, 1e-8),
        new StepConfig(0.01, 2000, 1.49e-154),
        new StepConfig(0.01, 2000, 1e160),
        new StepConfig(0.005, new Stopping(2000, 0, 0.5, 0, 0), false),
        new StepConfig(0.01, new Stopping(2000, 1e-12, 1e-6, 7, 1e-3), false));
    for (StepConfig cfg : configs) {
      SolveResult[] batch = solve(s, cfg, true);
      for (int i = 0; i < s.length; i++) {
        SolveResult loop = ProjectedGradient.run(one, s[i], cfg, false, new Trace(cfg.maxIter(), true));
        assertEquals(bits(loop), bits(batch[i]), "start " + i + " with " + cfg);
      }
    }
  }

  /**
   * The batch kernel and the operator path compute the same loss with different roundings, so
   * runs may part where rounding decides (near the degenerate x_bad, whose valley escapes at a
   * polynomial rate). Over 400 seeded Gaussian starts at least 97% must end the same way at the
   * same point within 1e-6; we observe all 400, at the same iteration.
   */
  @Test
  void agreesWithTheOperatorPathUpToRounding() {
    Objective f = RipHalf.problem().objective();
    StepConfig cfg = new StepConfig(0.01, 5000, 1e-8);
    SplitMix64 rng = new SplitMix64(2);
    double[][] s = new double[400][];
    for (int i = 0; i < s.length; i++) {
      s[i] = new double[] {rng.nextGaussian(), rng.nextGaussian()};
    }
    SolveResult[] batch = solve(s, cfg, false);
    int same = 0;
    for (int i = 0; i < s.length; i++) {
      SolveResult one = GradientDescent.solve(f, s[i], cfg);
      boolean close = Math.abs(one.x()[0] - batch[i].x()[0]) < 1e-6 && Math.abs(one.x()[1] - batch[i].x()[1]) < 1e-6;
      if (one.termination() == batch[i].termination() && close) {
        same++;
      }
    }
    assertTrue(same >= 388, same + " of 400 agree");
  }

  @Test
  void refusesMismatchedInputs() {
    StepConfig cfg = new StepConfig(0.01, 10, 0);
    assertThrows(IllegalArgumentException.class,
        () -> BatchGradientDescent.solve(F, new double[][] {{1, 2}}, cfg, new Trace[0]));
    assertThrows(IllegalArgumentException.class,
        () -> BatchGradientDescent.solve(F, new double[][] {{1, 2, 3}}, cfg, new Trace[] {new Trace(10, false)}));
    assertThrows(IllegalArgumentException.class, () -> BatchGradientDescent.solve(F, new double[][] {{1, 2}},
        new StepConfig(0.01, Stopping.of(10, 0), true), new Trace[] {new Trace(10, false)}));
    Trace shared = new Trace(10, false);
    assertThrows(IllegalArgumentException.class,
        () -> BatchGradientDescent.solve(F, new double[][] {{1, 2}, {2, 1}}, cfg, new Trace[] {shared, shared}));
    assertThrows(IllegalArgumentException.class,
        () -> BatchGradientDescent.solve(F, new double[][] {{1, 2}}, cfg, new Trace[] {new Trace(20, false)}));
  }
}
