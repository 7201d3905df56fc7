package org.basinbench.solver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.basinbench.instance.GaussianSensing;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.Problem;
import org.basinbench.instance.RipHalf;
import org.basinbench.linalg.LaneOps;
import org.basinbench.linalg.Simd;
import org.basinbench.objective.LaneObjective;
import org.basinbench.objective.Objective;
import org.basinbench.objective.StochasticLanes;
import org.basinbench.objective.StochasticObjective;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * The lane kernels of the small sensing families against their one-point code, bit for bit:
 * the loss and gradient at single points (the SIMD and the scalar passes, special values
 * included), and whole projected-gradient and gradient-descent runs, alone and in blocks of
 * every size, against {@link ProjectedGradient} and {@link GradientDescent}.
 */
class LaneKernelsTest {

  /** Every family with lanes: Theorem 2 both variants, both identity controls, small Gaussian sensing, rip-half. */
  static Map<String, Problem> problems() {
    Map<String, Problem> p = new LinkedHashMap<>();
    p.put("theorem2 symmetric r=1", new NonnegCounterexample(4, 1, 1, 0.5, 0.5).symmetricProblem());
    p.put("theorem2 symmetric r=2", new NonnegCounterexample(4, 1, 2, 0.5, 0.5).symmetricProblem());
    p.put("theorem2 symmetric n=6 rStar=2 r=3", new NonnegCounterexample(6, 2, 3, 0.4, 0.3).symmetricProblem());
    p.put("theorem2 asymmetric r=2", new NonnegCounterexample(4, 1, 2, 0.5, 0.5).asymmetricProblem(0.25));
    p.put("theorem2 asymmetric lambda=0", new NonnegCounterexample(5, 1, 2, 0.3, 0.5).asymmetricProblem(0));
    p.put("identity symmetric", NonnegCounterexample.identityControl(4, 1, 2, Double.NaN));
    p.put("identity asymmetric", NonnegCounterexample.identityControl(4, 1, 2, 0.25));
    p.put("gaussian sensing n=5", new GaussianSensing(5, 1, 2, 30).draw(new SplitMix64(3)));
    p.put("rip-half", RipHalf.problem());
    return p;
  }

  /** Points of every kind: half-normal, signed, zeros and signed zeros, huge, tiny, non-finite. */
  static double[][] points(int count, int dim, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    double[][] out = new double[count][dim];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < dim; c++) {
        double z = rng.nextGaussian();
        out[i][c] = switch (i % 11) {
          case 0 -> 0.0;
          case 1 -> c % 2 == 0 ? -0.0 : z;
          case 2 -> 1e150 * z;
          case 3 -> 1e-160 * z;
          case 4 -> c == 0 ? Double.NaN : z;
          case 5 -> c == dim - 1 ? Double.POSITIVE_INFINITY : z;
          case 6 -> 40 * Math.abs(z);
          default -> 0.5 * (i % 2 == 0 ? Math.abs(z) : z);
        };
      }
    }
    return out;
  }

  static double[][] lanes(double[][] points, int capacity) {
    double[][] x = new double[points[0].length][capacity];
    for (int i = 0; i < points.length; i++) {
      for (int c = 0; c < x.length; c++) {
        x[c][i] = points[i][c];
      }
    }
    return x;
  }

  @Test
  void theSimdPassesAreTheOnesInUse() {
    // The surefire JVM has the Vector API module (conf/jvm.args): the SIMD passes must run here.
    assertTrue(Simd.available(), "the tests run with jdk.incubator.vector");
    assertNotSame(LaneOps.scalar(), LaneOps.get());
  }

  @Test
  void lossAndGradientAreTheOnePointBits() {
    for (Map.Entry<String, Problem> e : problems().entrySet()) {
      LaneObjective lanes = e.getValue().laneObjective(LaneObjective.LANES);
      assertNotNull(lanes, e.getKey());
      Objective f = e.getValue().objective();
      int dim = f.dim();
      assertEquals(dim, lanes.dim(), e.getKey());
      double[][] pts = points(LaneObjective.LANES, dim, e.getKey().hashCode());
      double[][] x = lanes(pts, LaneObjective.LANES);
      double[] loss = new double[LaneObjective.LANES];
      double[][] g = new double[dim][LaneObjective.LANES];
      // Ranges that start and end off the vector width, and the whole block.
      int[][] ranges = {{0, LaneObjective.LANES}, {3, 4}, {5, 70}, {131, 256}};
      for (int[] range : ranges) {
        java.util.Arrays.fill(loss, 42.0);
        lanes.valueAndGradient(x, range[0], range[1], loss, g);
        double[] grad = new double[dim];
        for (int i = range[0]; i < range[1]; i++) {
          double want = f.valueAndGradient(pts[i].clone(), grad);
          String at = e.getKey() + ", lane " + i + " of [" + range[0] + ", " + range[1] + ")";
          assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(loss[i]), at + ": loss");
          for (int c = 0; c < dim; c++) {
            assertEquals(Double.doubleToLongBits(grad[c]), Double.doubleToLongBits(g[c][i]),
                at + ": gradient component " + c);
          }
        }
        if (range[0] > 0) {
          assertEquals(42.0, loss[range[0] - 1], "lanes outside the range are left alone");
        }
      }
    }
  }

  @Test
  void simdAndScalarPassesAgreeOnSpecialValues() {
    LaneOps v = LaneOps.get();
    LaneOps s = LaneOps.scalar();
    double[] specials = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 3.0};
    int n = specials.length * specials.length;
    double[] a = new double[n];
    double[] b = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = specials[i / specials.length];
      b[i] = specials[i % specials.length];
    }
    List<String> ops = List.of("add", "sub", "addMulScalar", "subMulScalar", "projectedStep", "divScalar",
        "mulScalar");
    for (String op : ops) {
      double[] outV = b.clone();
      double[] outS = b.clone();
      apply(v, op, outV, a, b, n);
      apply(s, op, outS, a, b, n);
      for (int i = 0; i < n; i++) {
        assertEquals(Double.doubleToRawLongBits(outS[i]), Double.doubleToRawLongBits(outV[i]),
            op + "(" + a[i] + ", " + b[i] + ")");
      }
    }
    // max(0, x - eta g) keeps Math.max's answers: -0 becomes +0, NaN stays NaN.
    double[] x = {-0.0, Double.NaN, -1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    double[] g = new double[x.length];
    v.projectedStep(x, g, 1.0, 0, x.length);
    assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(x[0]));
    assertTrue(Double.isNaN(x[1]));
    assertEquals(0.0, x[2]);
    assertEquals(2.0, x[3]);
    // The slack is NaN as soon as one lane's is, and not positive for a flagged lane.
    double[] limit = new double[20];
    double[] loss = new double[20];
    double[] gn2 = new double[20];
    double[] flag = new double[20];
    java.util.Arrays.fill(limit, 10);
    java.util.Arrays.fill(gn2, 5);
    java.util.Arrays.fill(flag, 1);
    assertEquals(4.0, v.slack(limit, loss, gn2, flag, 0, 20));
    loss[17] = Double.NaN;
    assertTrue(Double.isNaN(v.slack(limit, loss, gn2, flag, 0, 20)));
    loss[17] = 0;
    gn2[9] = Double.POSITIVE_INFINITY;
    assertTrue(v.slack(limit, loss, gn2, flag, 0, 20) <= 0);
    assertEquals(s.slack(limit, loss, gn2, flag, 0, 20), v.slack(limit, loss, gn2, flag, 0, 20));
  }

  @Test
  void fusedSumsAgreeBetweenSimdAndScalar() {
    double[] specials = {0.0, -0.0, 1.0, -1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 3.0, 0.25};
    int lanes = 37; // not a multiple of any vector width: the tail runs the scalar loop
    double[][] a = new double[6][lanes];
    SplitMix64 rng = new SplitMix64(5);
    for (double[] row : a) {
      for (int i = 0; i < lanes; i++) {
        row[i] = rng.nextDouble() < 0.3 ? specials[(int) (rng.nextDouble() * specials.length)] : rng.nextGaussian();
      }
    }
    int[] idx = {4, 0, 5, 2};
    double[] coef = {0.5, -2.0, 1e300, -0.0, 3.0, 7.0, 0.1, -1.0};
    for (LaneOps o : List.of(LaneOps.get(), LaneOps.scalar())) {
      double[][] out = new double[5][lanes];
      o.sumProducts(out[0], a, 0, 2, a, 1, 2, 3, 0, lanes);
      o.sumProductsMinus(out[1], a, 1, 1, a, 0, 1, 4, 0.75, 0, lanes);
      o.sumScaled(out[2], a, idx, coef, 1, 2, 0, lanes);
      o.sumDiv(out[3], a, idx, 3.0, 0, lanes);
      o.sumMinSquares(out[4], a, new double[][] {a[5], a[4], a[3]}, 3, 0, lanes);
      for (int i = 0; i < lanes; i++) {
        double p = 0.0;
        double q = 0.0;
        double sc = 0.0;
        double sd = 0.0;
        double mn = 0.0;
        for (int l = 0; l < 3; l++) {
          p += a[2 * l][i] * a[1 + 2 * l][i];
          double v = Math.min(a[l][i], a[5 - l][i]);
          mn += v * v;
        }
        for (int l = 0; l < 4; l++) {
          q += a[1 + l][i] * a[l][i];
          sc += coef[1 + 2 * l] * a[idx[l]][i];
          sd += a[idx[l]][i];
        }
        double[] want = {p, q - 0.75, sc, sd / 3.0, mn};
        for (int k = 0; k < want.length; k++) {
          assertEquals(Double.doubleToLongBits(want[k]), Double.doubleToLongBits(out[k][i]),
              o.getClass().getSimpleName() + " sum " + k + ", lane " + i);
        }
      }
    }
  }

  private static void apply(LaneOps o, String op, double[] out, double[] a, double[] b, int n) {
    switch (op) {
      case "add" -> o.add(out, a, b, 0, n);
      case "sub" -> o.sub(out, a, b, 0, n);
      case "addMulScalar" -> o.addMulScalar(out, a, b, 0.3, 0, n);
      case "subMulScalar" -> o.subMulScalar(out, a, b, -7.0, 0, n);
      case "projectedStep" -> o.projectedStep(out, a, 0.05, 0, n);
      case "divScalar" -> o.divScalar(out, a, 3.0, 0, n);
      case "mulScalar" -> o.mulScalar(out, a, 0.5, 0, n);
      default -> throw new IllegalArgumentException(op);
    }
  }

  /** Starts that end every way: converged, budget, divergence (huge), degenerate (zero, NaN). */
  static double[][] starts(int count, int dim, long seed) {
    SplitMix64 rng = new SplitMix64(seed);
    double[][] s = new double[count][dim];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < dim; c++) {
        double z = rng.nextGaussian();
        s[i][c] = switch (i % 40) {
          case 0 -> 0.0;
          case 1 -> 30 * Math.abs(z);
          case 2 -> c == 0 ? Double.NaN : z;
          default -> 0.5 * (i % 2 == 0 ? Math.abs(z) : z);
        };
      }
    }
    return s;
  }

  /** A run's numbers, its trace's kept points included. */
  static List<Object> bits(SolveResult r) {
    List<Object> out = new ArrayList<>(BatchGradientDescentTest.bits(r));
    for (int k = 0; k < r.trace().size(); k++) {
      for (double v : r.trace().point(k)) {
        out.add(Double.doubleToLongBits(v));
      }
    }
    return out;
  }

  @Test
  void runsAreTheOnePointRunsWhateverTheBlock() {
    StepConfig pgd = new StepConfig(0.05, Stopping.of(1000, 1e-8), false);
    StepConfig gd = new StepConfig(0.02, new Stopping(1000, 1e-9, 0, 300, 1e-12), false);
    for (Map.Entry<String, Problem> e : problems().entrySet()) {
      Problem p = e.getValue();
      int dim = p.objective().dim();
      double[][] starts = starts(300, dim, 11 + e.getKey().hashCode());
      for (boolean project : new boolean[] {true, false}) {
        StepConfig cfg = project ? pgd : gd;
        List<List<Object>> alone = new ArrayList<>();
        java.util.EnumMap<Termination, Integer> ends = new java.util.EnumMap<>(Termination.class);
        for (double[] s : starts) {
          Trace t = new Trace(cfg.maxIter(), true);
          SolveResult r = project ? ProjectedGradient.solve(p.objective(), s, cfg, t)
              : GradientDescent.solve(p.objective(), s, cfg, t);
          alone.add(bits(r));
          ends.merge(r.termination(), 1, Integer::sum);
        }
        // The starts exercise more than one way to end (else the test would prove little).
        assertTrue(ends.size() >= 2, e.getKey() + ": " + ends);
        for (int size : new int[] {1, 7, 300}) {
          for (int from = 0; from < starts.length; from += size) {
            int to = Math.min(starts.length, from + size);
            double[][] block = java.util.Arrays.copyOfRange(starts, from, to);
            Trace[] traces = new Trace[block.length];
            for (int j = 0; j < traces.length; j++) {
              traces[j] = new Trace(cfg.maxIter(), true);
            }
            SolveResult[] got = BatchGradientDescent.solve(new LaneDescent(p.laneObjective(block.length), project), block, cfg,
                traces);
            for (int j = 0; j < got.length; j++) {
              assertEquals(alone.get(from + j), bits(got[j]), e.getKey() + (project ? " pgd" : " gd")
                  + ", start " + (from + j) + ", blocks of " + size);
            }
          }
        }
      }
    }
  }

  /**
   * Minibatch SGD as lanes against {@link StochasticGradient}, bit for bit: one term, a third of
   * the terms and all of them per step, in blocks of 1, 7 and 300 starts, each start with the
   * generator its own run gets. (Infinite residuals off the batch are covered by
   * {@link #batchGradientIsTheOnePointBits}: a 0/1 multiply there fails it, while whole runs
   * reach such points only once already non-finite.)
   */
  @Test
  void sgdRunsAreTheOnePointRunsWhateverTheBlock() {
    for (Map.Entry<String, Problem> e : problems().entrySet()) {
      Problem p = e.getValue();
      StochasticObjective f = (StochasticObjective) p.objective();
      int dim = f.dim();
      double[][] starts = starts(300, dim, 13 + e.getKey().hashCode());
      for (int batch : new int[] {1, Math.max(1, f.terms() / 3), f.terms()}) {
        SgdConfig cfg = new SgdConfig(0.01, batch, new Stopping(600, 1e-8, 0, 240, 1e-12));
        List<List<Object>> alone = new ArrayList<>();
        java.util.EnumMap<Termination, Integer> ends = new java.util.EnumMap<>(Termination.class);
        for (int j = 0; j < starts.length; j++) {
          SolveResult r = StochasticGradient.solve(f, starts[j], cfg, new SplitMix64(1000 + j),
              new Trace(cfg.maxIter(), true));
          alone.add(bits(r));
          ends.merge(r.termination(), 1, Integer::sum);
        }
        assertTrue(ends.size() >= 3, e.getKey() + " batch " + batch + ": " + ends);
        for (int size : new int[] {1, 7, 300}) {
          for (int from = 0; from < starts.length; from += size) {
            int to = Math.min(starts.length, from + size);
            double[][] block = java.util.Arrays.copyOfRange(starts, from, to);
            Trace[] traces = new Trace[block.length];
            SplitMix64[] rngs = new SplitMix64[block.length];
            for (int j = 0; j < traces.length; j++) {
              traces[j] = new Trace(cfg.maxIter(), true);
              rngs[j] = new SplitMix64(1000 + from + j);
            }
            SolveResult[] got = BatchStochasticGradient.solve((StochasticLanes) p.laneObjective(block.length), block,
                cfg, rngs, traces);
            for (int j = 0; j < got.length; j++) {
              assertEquals(alone.get(from + j), bits(got[j]), e.getKey() + " sgd batch " + batch + ", start "
                  + (from + j) + ", blocks of " + size);
            }
          }
        }
      }
    }
  }

  /**
   * The minibatch gradient over lanes is the one-point one at points of every kind, non-finite
   * included (where an infinite residual off the batch must leave 0.0, not NaN).
   */
  @Test
  void batchGradientIsTheOnePointBits() {
    for (Map.Entry<String, Problem> e : problems().entrySet()) {
      StochasticLanes lanes = (StochasticLanes) e.getValue().laneObjective(LaneObjective.LANES);
      StochasticObjective f = (StochasticObjective) e.getValue().objective();
      int dim = f.dim();
      int terms = f.terms();
      double[][] pts = points(LaneObjective.LANES, dim, 5 + e.getKey().hashCode());
      double[][] x = lanes(pts, LaneObjective.LANES);
      double[][] g = new double[dim][LaneObjective.LANES];
      SplitMix64 rng = new SplitMix64(9);
      for (int count : new int[] {1, Math.max(1, terms / 2), terms}) {
        int[][] batch = new int[LaneObjective.LANES][terms];
        for (int[] b : batch) {
          for (int i = 0; i < terms; i++) {
            b[i] = i;
          }
          for (int k = 0; k < count; k++) {
            int j = k + rng.nextInt(terms - k);
            int t = b[k];
            b[k] = b[j];
            b[j] = t;
          }
        }
        lanes.batchGradient(x, 3, 200, batch, count, g);
        double[] grad = new double[dim];
        for (int i = 3; i < 200; i++) {
          f.batchGradient(pts[i].clone(), batch[i], count, grad);
          for (int c = 0; c < dim; c++) {
            assertEquals(Double.doubleToLongBits(grad[c]), Double.doubleToLongBits(g[c][i]),
                e.getKey() + ", batch of " + count + ", lane " + i + ": component " + c);
          }
        }
      }
    }
  }

  @Test
  void largeInstancesHaveNoLanes() {
    // n = 12 is past SensingLanes.MAX_N: the one-point code runs.
    assertNull(new NonnegCounterexample(12, 1, 2, 0.5, 0.5).symmetricProblem().laneObjective(LaneObjective.LANES));
  }
}
