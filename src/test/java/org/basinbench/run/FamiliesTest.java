package org.basinbench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecException;
import org.basinbench.spec.SpecParser;
import org.junit.jupiter.api.Test;

/** Each family end to end through the trial runner, with rates over seeded trials. */
class FamiliesTest {
  static Map<Outcome, Integer> outcomes(String instance, String solver, String init, int trials)
      throws SpecException {
    Experiment e = SpecParser.parse("""
        {"experiment": "t", "seed": 5, "trials": %d, "instance": %s, "init": %s, "solvers": [%s]}
        """.formatted(trials, instance, init, solver), "t.json").get(0);
    TrialRunner runner = new TrialRunner(e);
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    for (int t = 0; t < trials; t++) {
      counts.merge(runner.run(0, t).outcome(), 1, Integer::sum);
    }
    return counts;
  }

  static final String HALF_NORMAL = "{\"kind\": \"half-normal\", \"scale\": 0.5}";

  /**
   * Proposition 1: with A = identity and r* = 1 there is no spurious local minimum, in the
   * symmetric problem and in the asymmetric one with lambda = 1/4; the only other
   * stationary point is U = 0, a strict saddle (Lemmas 11, 13) that random starts miss with
   * probability one. So essentially every trial succeeds: at least 99 of 100 (one trial of
   * slack for a start whose budget runs out near the saddle; jobs/nonneg-control.json observes
   * 3000 of 3000 at r = 1, 2, 3).
   */
  @Test
  void identityControlHasNoSpuriousMinimum() throws SpecException {
    for (String variant : new String[] {"\"variant\": \"symmetric\"", "\"variant\": \"asymmetric\", \"lambda\": 0.25"}) {
      Map<Outcome, Integer> c = outcomes("{\"family\": \"nonneg-counterexample\", \"operator\": \"identity\", "
          + variant + ", \"n\": 4, \"rStar\": 1, \"r\": 2}", "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 20000}",
          HALF_NORMAL, 100);
      assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 99, variant + ": " + c);
      assertEquals(0, c.getOrDefault(Outcome.SPURIOUS, 0), "no catalogued spurious point in the control");
    }
  }

  /**
   * Lemma 9: with lambda > 0 the stacked point alpha [Q2; Q2] is a strict local minimum of
   * the asymmetric problem, so, as in the symmetric case, some random starts end there. At
   * alpha = 0.9 (delta = 0.99) the symmetric quickstart cell fails in 39% of trials and
   * jobs/nonneg-asymmetric.json in 34-40% for lambda = 0, 0.25, 1; here we
   * only claim the basin is reached at all (at least 5 of 100) and that every end point is
   * labelled by a catalogued point or the budget.
   */
  @Test
  void asymmetricCounterexampleReachesTheInheritedSpuriousPoint() throws SpecException {
    Map<Outcome, Integer> c = outcomes("{\"family\": \"nonneg-counterexample\", \"variant\": \"asymmetric\","
        + " \"lambda\": 0.5, \"n\": 4, \"rStar\": 1, \"r\": 1, \"alpha\": 0.9, \"epsilon\": 0.5}",
        "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 20000}", HALF_NORMAL, 100);
    assertTrue(c.getOrDefault(Outcome.SPURIOUS, 0) >= 5, c.toString());
    assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 5, c.toString());
    assertEquals(100, c.getOrDefault(Outcome.SUCCESS, 0) + c.getOrDefault(Outcome.SPURIOUS, 0)
        + c.getOrDefault(Outcome.NOT_CONVERGED, 0), c.toString());
  }

  /**
   * rip-half with gradient descent from half-normal starts: x_bad is a degenerate critical
   * point, so starts near its valley escape only polynomially slowly (and a few stop at x_bad
   * itself, where the gradient along the valley is O(t^3) and falls under the tolerance).
   * Most starts succeed: in 2000 trials of jobs/rip-half.json at 10000 iterations 97.6% do;
   * the threshold (50 of 100) only guards against a broken instance or solver, and no trial
   * may diverge at this small step.
   */
  @Test
  void ripHalfGradientDescentMostlySucceeds() throws SpecException {
    Map<Outcome, Integer> c = outcomes("{\"family\": \"rip-half\"}",
        "{\"name\": \"gd\", \"step\": 0.01, \"maxIter\": 20000}", "{\"kind\": \"half-normal\", \"scale\": 1.0}", 100);
    assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 50, c.toString());
    assertEquals(0, c.getOrDefault(Outcome.DIVERGED, 0), c.toString());
  }

  /**
   * The instance catalogue's rate test for the planted families: started from the planted
   * point perturbed by 1e-3, projected gradient recovers X in at least 95 of 100 seeded draws
   * (one fresh instance per trial). The planted point is a global minimum and, for these
   * well-conditioned sizes, an attractor: jobs/planted-nmf.json observes 200 of 200 (full
   * and 70% observation); 95 leaves room for an ill-conditioned draw.
   */
  @Test
  void plantedNmfIsRecoveredFromNearThePlantedPoint() throws SpecException {
    Map<Outcome, Integer> c = outcomes("{\"family\": \"planted-nmf\", \"n\": 30, \"m\": 20, \"rStar\": 3, "
        + "\"r\": 3, \"draws\": 100}", "{\"name\": \"pgd\", \"step\": 0.005, \"maxIter\": 20000, \"tol\": 1e-9}",
        "{\"kind\": \"near\", \"point\": \"truth\", \"scale\": 1e-3}", 100);
    assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 95, c.toString());
  }

  /**
   * The same rate test for Gaussian sensing (n = 8, rank 1, m = 160 measurements, one draw
   * per trial): jobs/gaussian-sensing.json observes 100 of 100 at m = 160 (and 99 of 100 at
   * m = 40, where a step of 0.02 is too long for the occasional draw with a large norm).
   */
  @Test
  void gaussianSensingIsRecoveredFromNearTheTruth() throws SpecException {
    Map<Outcome, Integer> c = outcomes("{\"family\": \"gaussian-sensing\", \"n\": 8, \"rStar\": 1, \"r\": 1, "
        + "\"m\": 160, \"draws\": 100}", "{\"name\": \"pgd\", \"step\": 0.02, \"maxIter\": 20000, \"tol\": 1e-9}",
        "{\"kind\": \"near\", \"point\": \"truth\", \"scale\": 1e-3}", 100);
    assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 95, c.toString());
  }

  /**
   * Lemma 4 made operational through the spec: starting 1e-3 from U0 = alpha Q2 (a strict
   * local minimum with curvature >= 2 alpha^2), projected gradient returns to U0 in every
   * trial: at least 95 of 100, as it is a strict minimum at distance far below its basin's
   * radius.
   */
  @Test
  void nearTheSpuriousPointProjectedGradientStaysThere() throws SpecException {
    Map<Outcome, Integer> c = outcomes("{\"family\": \"nonneg-counterexample\", \"n\": 4, \"rStar\": 1, "
        + "\"r\": 1, \"alpha\": 0.5, \"epsilon\": 0.5}", "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 20000}",
        "{\"kind\": \"near\", \"point\": \"spurious\", \"scale\": 1e-3}", 100);
    assertTrue(c.getOrDefault(Outcome.SPURIOUS, 0) >= 95, c.toString());
  }

  /**
   * Ma and Fattahi's observation, as a rate: with 20% of the measurements replaced by gross
   * outliers, the subgradient method with geometric step decay from a small random start
   * recovers the truth of robust l1 sensing (n = 8, rank 1, m = 80). jobs/robust-l1.json
   * observes 30 of 30 at steps 0.5 and 2 (and the same at 0% and 40% outliers); we require
   * at least 45 of 50 to leave room for an unlucky draw.
   */
  @Test
  void subgradientRecoversDespiteOutliers() throws SpecException {
    Map<Outcome, Integer> c = outcomes("{\"family\": \"robust-sensing\", \"n\": 8, \"rStar\": 1, \"r\": 1, "
        + "\"m\": 80, \"p\": 0.2, \"draws\": 50}", "{\"name\": \"subgradient\", \"step\": 0.5, \"decay\": 0.998, "
        + "\"maxIter\": 3000}", "{\"kind\": \"half-normal\", \"scale\": 0.01}", 50);
    assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 45, c.toString());
  }

  /**
   * The solver catalogue's recovery test: HALS and MU recover a planted 30 x 20 rank-3
   * half-normal instance from random starts in at least 95 of 100 seeded draws. Both converge
   * to a global minimum on nearly every draw; measured with these budgets (HALS 2000 sweeps,
   * MU 50000 updates, the budgets each needs, recorded in the README): 99 of 100 each, the
   * failure being one slowly converging draw. 95 leaves room for such draws.
   */
  @Test
  void halsAndMultiplicativeUpdatesRecoverPlantedNmf() throws SpecException {
    String instance = "{\"family\": \"planted-nmf\", \"n\": 30, \"m\": 20, \"rStar\": 3, \"r\": 3, \"draws\": 100}";
    for (String solver : new String[] {"{\"name\": \"hals\", \"maxIter\": 2000, \"tol\": 1e-6}",
        "{\"name\": \"mu\", \"maxIter\": 50000, \"tol\": 1e-6}"}) {
      Map<Outcome, Integer> c = outcomes(instance, solver, HALF_NORMAL, 100);
      assertTrue(c.getOrDefault(Outcome.SUCCESS, 0) >= 95, solver + ": " + c);
    }
  }

  static final String U0_INSTANCE = "{\"family\": \"nonneg-counterexample\", \"n\": 4, \"rStar\": 1, \"r\": 1, "
      + "\"alpha\": 0.5, \"epsilon\": 0.5}";
  static final String NEAR_U0 = "{\"kind\": \"near\", \"point\": \"spurious\", \"scale\": 1e-6}";

  /**
   * The safeguard of Zhang (2025, Section 5): from U0 plus tiny noise, plain projected gradient
   * ends SPURIOUS, while with threshold tau = 0.95 > alpha the stalled U0 is emptied, every zero
   * entry perturbed, and the run continues, ending at the truth. jobs/safeguard.json observes
   * 400 of 400 each way (alpha = 0.5 and 0.9); 95 of 100 leaves room for a restart that lands
   * back at U0 more often than the 10 restarts allow.
   */
  @Test
  void thresholdingSafeguardLeavesTheSpuriousBasin() throws SpecException {
    Map<Outcome, Integer> plain = outcomes(U0_INSTANCE, "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 40000}",
        NEAR_U0, 100);
    assertTrue(plain.getOrDefault(Outcome.SPURIOUS, 0) >= 95, "plain: " + plain);
    Map<Outcome, Integer> guarded = outcomes(U0_INSTANCE,
        "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 40000, \"threshold\": 0.95}", NEAR_U0, 100);
    assertTrue(guarded.getOrDefault(Outcome.SUCCESS, 0) >= 95, "safeguarded: " + guarded);
    // A threshold below alpha leaves U0 (entries 0 and alpha) untouched: no escape.
    Map<Outcome, Integer> low = outcomes(U0_INSTANCE,
        "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 40000, \"threshold\": 0.3}", NEAR_U0, 100);
    assertTrue(low.getOrDefault(Outcome.SPURIOUS, 0) >= 95, "tau < alpha: " + low);
  }

  /** The truth Q1 (entries 0 and 1) has no entry in (0, 0.95): the safeguard accepts it. */
  @Test
  void safeguardAcceptsTheTruth() throws SpecException {
    Map<Outcome, Integer> c = outcomes(U0_INSTANCE,
        "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 40000, \"threshold\": 0.95}",
        "{\"kind\": \"near\", \"point\": \"truth\", \"scale\": 1e-6}", 50);
    assertEquals(50, c.getOrDefault(Outcome.SUCCESS, 0), c.toString());
  }

  /**
   * Basin profile through the interpolate init: at alpha = 0.9 starts 20% of the way from U0
   * to a random point all return to U0 (jobs/basin-profile.json: 300 of 300; we require 95 of
   * 100), while plain random starts (gamma = 1) fail far less often (measured 36%; we require
   * at most 60 of 100, far below the 95 above).
   */
  @Test
  void interpolatedStartsProfileTheSpuriousBasin() throws SpecException {
    String instance = "{\"family\": \"nonneg-counterexample\", \"n\": 4, \"rStar\": 1, \"r\": 1, "
        + "\"alpha\": 0.9, \"epsilon\": 0.5}";
    String pgd = "{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 20000}";
    Map<Outcome, Integer> near = outcomes(instance, pgd,
        "{\"kind\": \"interpolate\", \"gamma\": 0.2, \"scale\": 0.5}", 100);
    assertTrue(near.getOrDefault(Outcome.SPURIOUS, 0) >= 95, "gamma 0.2: " + near);
    Map<Outcome, Integer> far = outcomes(instance, pgd,
        "{\"kind\": \"interpolate\", \"gamma\": 1.0, \"scale\": 0.5}", 100);
    assertTrue(100 - far.getOrDefault(Outcome.SUCCESS, 0) <= 60, "gamma 1: " + far);
  }
}
