package org.basinbench.landscape;

import java.util.ArrayList;
import java.util.List;
import org.basinbench.instance.Problem;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.LinearOperator;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.ProjectedGradient;

/**
 * Certificates of an instance's catalogued points: loss, stationarity, and the minimum
 * curvature over the critical cone, next to the paper's bounds; and the RIP constant from
 * the operator's spectrum next to its formula. Pure computation, no Spark.
 */
public final class Certificates {
  /** Sampled critical-cone directions per point: the minimum over 500 random directions. */
  public static final int DIRECTIONS = 500;
  /**
   * A gradient entry above this (relative to the largest) counts as strictly positive when
   * forming the critical cone: catalogued points are exact, so their zero gradient entries
   * are zero up to rounding of order 1e-16.
   */
  static final double POSITIVE_GRADIENT = 1e-12;

  private Certificates() {}

  /** Random rank-k matrices sampled for a restricted-RIP estimate. */
  public static final int RIP_SAMPLES = 2000;

  /**
   * What is known of an instance's RIP constant and how to measure it.
   *
   * @param formula the constant from the family's formula (NaN: none)
   * @param afterScaling whether the family states it after the best rescaling of A
   * @param restrictedRank when > 0, estimate the constant over symmetric matrices of this rank
   *     by sampling (a lower bound), instead of the exact spectrum over all symmetric matrices
   * @param rank the rank r + r* of the RIP statement: when the exact spectrum is too costly
   *     (n > {@link Rip#MAX_EXACT_N}), the constant is estimated by sampling at this rank
   */
  public record Delta(double formula, boolean afterScaling, int restrictedRank, int rank) {}

  /**
   * @param problem the instance
   * @param delta what is known of its RIP constant
   * @param seed seed of the direction sampling (derive it from the instance's identity)
   * @return one row per catalogued point: the truth, then each spurious point; none for a
   *     problem without truth (real data catalogues no point, and it is no sensing problem)
   */
  public static List<CertificateRow> compute(Problem problem, Delta delta, long seed) {
    if (!problem.hasTruth()) {
      return List.of();
    }
    double deltaFormula = delta.formula();
    double deltaNumeric = Double.NaN;
    String method;
    LinearOperator a = problem.sensingOperator();
    SplitMix64 rng = new SplitMix64(seed);
    if (a == null) {
      method = "not a sensing problem";
    } else if (delta.restrictedRank() > 0 || a.n() > Rip.MAX_EXACT_N) {
      // Sampling: by choice (Gaussian operators, whose full spectrum says nothing about low
      // rank), or because the exact Gram spectrum, O(n^6), is too costly.
      int k = delta.restrictedRank() > 0 ? delta.restrictedRank() : delta.rank();
      deltaNumeric = Rip.sampledRankDelta(a, k, RIP_SAMPLES, rng);
      method = "lower bound: max over " + RIP_SAMPLES + " random symmetric rank-" + k
          + " matrices of | ||A(M)||^2 / ||M||^2 - 1 |" + (delta.restrictedRank() > 0 ? ""
          : " (n > " + Rip.MAX_EXACT_N + ": the exact Gram spectrum costs O(n^6))");
    } else {
      double[] ev = Rip.symmetricGramEigenvalues(a);
      boolean scaled = delta.afterScaling();
      deltaNumeric = scaled ? Rip.scaledDelta(ev) : Rip.unscaledDelta(ev);
      method = "exact: Gram spectrum on symmetric matrices, "
          + (scaled ? "(max - min)/(max + min) after scaling" : "max |eigenvalue - 1|");
    }
    Objective f = problem.objective();
    double truthLoss = f.value(problem.truthPoint());
    List<CertificateRow> rows = new ArrayList<>();
    rows.add(row("truth", "truth", "", Double.NaN, problem.truthPoint(), problem, truthLoss, deltaFormula,
        deltaNumeric, method, rng));
    for (Problem.CataloguedPoint p : problem.spuriousPoints()) {
      rows.add(row(p.name(), "spurious", p.reference(), p.curvatureBound(), p.x(), problem, truthLoss, deltaFormula,
          deltaNumeric, method, rng));
    }
    return rows;
  }

  private static CertificateRow row(String name, String kind, String reference, double bound, double[] x,
      Problem problem, double truthLoss, double deltaFormula, double deltaNumeric, String method, SplitMix64 rng) {
    Objective f = problem.objective();
    double[] g = new double[x.length];
    double loss = f.valueAndGradient(x, g);
    double kkt = problem.nonnegative() ? ProjectedGradient.pgNorm(x, g) : MatOps.normF(g);
    // A nonsmooth loss has no Hessian: report no curvature (and no sampled directions).
    boolean smooth = problem.smooth();
    double curvature = smooth ? minCurvature(f, x, g, problem.nonnegative(), rng) : Double.NaN;
    return new CertificateRow(name, kind, reference, loss, kkt, curvature, smooth ? DIRECTIONS : 0, bound,
        loss - truthLoss, deltaFormula, deltaNumeric, method);
  }

  /**
   * The smallest {@code <grad^2 f(x)[d], d>} over unit directions d of the critical cone
   * {@code C(x, g) = {d : d_i = 0 where x_i = 0 and g_i > 0; d_i >= 0 where x_i = 0}}
   * (Zhang 2025, eq. (7); the whole space when unconstrained), sampled at random.
   */
  static double minCurvature(Objective f, double[] x, double[] g, boolean nonnegative, SplitMix64 rng) {
    double gMax = 0;
    for (double v : g) {
      gMax = Math.max(gMax, Math.abs(v));
    }
    double positive = POSITIVE_GRADIENT * Math.max(1, gMax);
    double[] d = new double[x.length];
    double min = Double.POSITIVE_INFINITY;
    for (int k = 0; k < DIRECTIONS; k++) {
      double norm2 = 0;
      for (int i = 0; i < d.length; i++) {
        double z = rng.nextGaussian();
        if (nonnegative && x[i] == 0) {
          z = g[i] > positive ? 0 : Math.abs(z);
        }
        d[i] = z;
        norm2 += z * z;
      }
      if (norm2 == 0) {
        continue; // the cone is {0} in these coordinates: nothing to sample
      }
      double scale = 1 / Math.sqrt(norm2);
      for (int i = 0; i < d.length; i++) {
        d[i] *= scale;
      }
      min = Math.min(min, secondDerivative(f, x, d));
    }
    return min;
  }

  /**
   * Second derivative of {@code t -> f(x + t d)} at 0 by the five-point stencil with h = 1:
   * exact for polynomials of degree up to 5 (its error term is the sixth derivative), hence
   * for every loss here, which are quartic in x; only rounding remains.
   */
  public static double secondDerivative(Objective f, double[] x, double[] d) {
    double[] y = new double[x.length];
    double[] v = new double[5];
    for (int s = -2; s <= 2; s++) {
      for (int i = 0; i < x.length; i++) {
        y[i] = x[i] + s * d[i];
      }
      v[s + 2] = f.value(y);
    }
    return (-v[0] + 16 * v[1] - 30 * v[2] + 16 * v[3] - v[4]) / 12;
  }
}
