package org.basinbench.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.basinbench.instance.Problem;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.Objective;
import org.basinbench.rng.InitDistribution;
import org.basinbench.rng.Seeds;
import org.basinbench.rng.SplitMix64;
import org.basinbench.solver.SolveResult;
import org.basinbench.solver.Trace;
import org.basinbench.landscape.LineCurvature;
import org.basinbench.objective.SegmentResiduals;
import org.basinbench.spec.Cell;
import org.basinbench.spec.SegmentKind;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SolverSpec;

/**
 * Runs trials: {@code (cell, trial index) -> TrialResult}, a pure function of the experiment
 * and the key. Holds per-cell scratch (objective buffers, matrices), so one runner serves one
 * thread (one Spark partition) and is reused across its trials. Knows nothing of Spark.
 */
public final class TrialRunner {
  /** Stream tag of the starting-point draws. */
  static final long STREAM_INIT = 1;
  /** Stream tag of random instance draws. */
  static final long STREAM_INSTANCE = 2;
  /** Stream tag of a solver's own randomness (safeguard perturbations, minibatches). */
  static final long STREAM_SOLVER = 4;
  /** Stream tag of the random points of segment statistics. */
  static final long STREAM_SEGMENTS = 5;

  private final Experiment experiment;
  private final Map<Integer, Prepared> prepared = new HashMap<>();
  /** Per cell, whether it is {@link #batched} (decided on first use). */
  private final Boolean[] batched;

  public TrialRunner(Experiment experiment) {
    this.experiment = experiment;
    this.batched = new Boolean[experiment.cells().size()];
  }

  /**
   * The seed of trial {@code trial} at a grid point. Never depends on the solver, partition,
   * attempt or time: all solvers of a grid point see the same starting points, and a retried
   * task recomputes the same trial.
   */
  public static long trialSeed(long specSeed, long pointKey, int trial) {
    return Seeds.derive(specSeed, pointKey, trial);
  }

  /**
   * The seed of draw {@code draw} of a random instance: a function of the spec seed and the
   * instance alone, so every init and solver of the grid point sees the same instances.
   */
  public static long instanceSeed(long specSeed, long instanceKey, int draw) {
    return Seeds.derive(specSeed, instanceKey, draw, STREAM_INSTANCE);
  }

  /** Runs one trial. Numeric failure becomes an outcome, never an exception. */
  public TrialResult run(int cellIndex, int trial) {
    if (batched(cellIndex, trial)) {
      // A batched family runs every trial through its batch kernel, alone or not, so that a
      // trial's numbers never depend on how trials are grouped.
      return run(cellIndex, new int[] {trial}, 1)[0];
    }
    Cell cell = experiment.cells().get(cellIndex);
    Prepared p = prepared(cellIndex, trial % cell.instance().draws());
    long seed = trialSeed(experiment.seed(), cell.pointKey(), trial);
    start(cell, p, new SplitMix64(Seeds.derive(seed, STREAM_INIT)), p.x0);
    SolveResult r = cell.solver().solve(p.problem, p.x0, new SplitMix64(Seeds.derive(seed, STREAM_SOLVER)),
        new Trace(cell.solver().maxIter(), experiment.trajectories()));
    return result(cellIndex, trial, seed, p, p.x0, r);
  }

  /**
   * Whether the cell's trials run together as lanes of one batch: its solver
   * {@link SolverSpec#batches batches} on its problem. A random family's trials run in one
   * batch per draw.
   */
  public boolean batched(int cellIndex) {
    return batched(cellIndex, 0);
  }

  /**
   * {@link #batched(int)}, decided (once per cell) on the problem of {@code trial}'s draw, the
   * one that trial is about to run on, so that no other draw is built for the question: every
   * draw of a family has the same form.
   */
  public boolean batched(int cellIndex, int trial) {
    Boolean b = batched[cellIndex];
    if (b == null) {
      Cell cell = experiment.cells().get(cellIndex);
      b = cell.solver().batches(prepared(cellIndex, trial % cell.instance().draws()).problem);
      batched[cellIndex] = b;
    }
    return b;
  }

  /**
   * Runs the first {@code count} trials of {@code trials}, all of one cell: together through
   * the batch kernel when the cell is {@link #batched}, else one after the other. Each result
   * is the one {@link #run(int, int)} gives for its trial.
   */
  public TrialResult[] run(int cellIndex, int[] trials, int count) {
    TrialResult[] out = new TrialResult[count];
    if (count == 0) {
      return out;
    }
    if (!batched(cellIndex, trials[0])) {
      for (int j = 0; j < count; j++) {
        out[j] = run(cellIndex, trials[j]);
      }
      return out;
    }
    Cell cell = experiment.cells().get(cellIndex);
    int draws = cell.instance().draws();
    if (draws == 1) {
      int[] all = new int[count];
      for (int j = 0; j < count; j++) {
        all[j] = j;
      }
      runBatch(cellIndex, 0, trials, all, count, out);
      return out;
    }
    // One batch per draw: the trials' positions grouped by draw, in order within each.
    java.util.TreeMap<Integer, int[]> byDraw = new java.util.TreeMap<>();
    java.util.Map<Integer, Integer> sizes = new HashMap<>();
    for (int j = 0; j < count; j++) {
      int d = trials[j] % draws;
      int[] group = byDraw.computeIfAbsent(d, x -> new int[count]);
      int at = sizes.merge(d, 1, Integer::sum) - 1;
      group[at] = j;
    }
    for (Map.Entry<Integer, int[]> g : byDraw.entrySet()) {
      runBatch(cellIndex, g.getKey(), trials, g.getValue(), sizes.get(g.getKey()), out);
    }
    return out;
  }

  /** Runs the trials at positions {@code at[0 .. size)} of {@code trials}, all of one draw, as one batch. */
  private void runBatch(int cellIndex, int draw, int[] trials, int[] at, int size, TrialResult[] out) {
    Cell cell = experiment.cells().get(cellIndex);
    Prepared p = prepared(cellIndex, draw);
    long[] seeds = new long[size];
    double[][] starts = new double[size][];
    Trace[] traces = new Trace[size];
    SplitMix64[] rngs = new SplitMix64[size];
    for (int j = 0; j < size; j++) {
      seeds[j] = trialSeed(experiment.seed(), cell.pointKey(), trials[at[j]]);
      starts[j] = new double[p.x0.length];
      start(cell, p, new SplitMix64(Seeds.derive(seeds[j], STREAM_INIT)), starts[j]);
      // The solver's own randomness, exactly as run(cellIndex, trial) creates it.
      rngs[j] = new SplitMix64(Seeds.derive(seeds[j], STREAM_SOLVER));
      traces[j] = new Trace(cell.solver().maxIter(), experiment.trajectories());
    }
    SolveResult[] r = cell.solver().solveBatch(p.problem, starts, rngs, traces);
    for (int j = 0; j < size; j++) {
      out[at[j]] = result(cellIndex, trials[at[j]], seeds[j], p, starts[j], r[j]);
    }
  }

  /** The cell's prepared problem for a draw (built on first use, rebuilt when the draw changes). */
  private Prepared prepared(int cellIndex, int draw) {
    Prepared p = prepared.get(cellIndex);
    if (p == null || p.draw != draw) {
      // Deterministic families build once; random ones when the trial's draw changes.
      Cell cell = experiment.cells().get(cellIndex);
      Problem problem = cell.instance().problem(new SplitMix64(instanceSeed(experiment.seed(), cell.instanceKey(),
          draw)));
      Capabilities.check(cell.instance(), problem);
      p = new Prepared(problem, draw);
      prepared.put(cellIndex, p);
    }
    return p;
  }

  /** The trial's result from its solve: errors against the catalogue, the label, the statistics. */
  private TrialResult result(int cellIndex, int trial, long seed, Prepared p, double[] x0, SolveResult r) {
    Cell cell = experiment.cells().get(cellIndex);
    double relError = Double.NaN;
    double relErrorObserved = Double.NaN;
    double distSpurious = Double.NaN;
    boolean finite = MatOps.allFinite(r.x());
    if (finite && p.truth != null) {
      // Compare model matrices (U U^T, L R^T): blind to column order and rescalings.
      p.problem.model(r.x(), p.model);
      relError = MatOps.distF(p.model, p.truth) / p.truthNorm;
      relErrorObserved = p.problem.observedRelError(p.model);
      for (int i = 0; i < p.spurious.length; i++) {
        double d = MatOps.distF(p.model, p.spurious[i]) / p.spuriousNorms[i];
        distSpurious = Double.isNaN(distSpurious) ? d : Math.min(distSpurious, d);
      }
    }
    // Without a truth (real data) rel_error stays NaN and the label is provisional: the job
    // turns it into SUCCESS when the loss is within success.lossGap of the best loss found.
    Outcome outcome = p.truth != null
        ? Outcome.classify(r.termination(), relError, distSpurious, experiment.success())
        : Outcome.withoutTruth(r.termination(), r.loss(), finite);
    List<SegmentResult> segments = segments(cell, p, x0, r.x(), seed);
    TrajectoryStats trajectory = experiment.trajectories() ? trajectory(p, r) : null;
    return new TrialResult(cellIndex, trial, seed, outcome, r.termination(), relError, relErrorObserved, r.loss(),
        r.pgNorm(), r.iterations(), distSpurious, r.wallNanos(), r.trace(), segments, trajectory);
  }

  /** A start from the cell's law: a draw, plus the catalogued point for "near" and "interpolate". */
  private static void start(Cell cell, Prepared p, SplitMix64 rng, double[] out) {
    cell.init().draw(rng, out);
    if (cell.init() instanceof InitDistribution.Near near) {
      double[] base = InitDistribution.Near.TRUTH.equals(near.point()) ? p.truthPoint : p.spuriousPoint;
      for (int i = 0; i < base.length; i++) {
        out[i] += base[i];
      }
    } else if (cell.init() instanceof InitDistribution.Interpolate in) {
      double[] base = InitDistribution.Near.TRUTH.equals(in.point()) ? p.truthPoint : p.spuriousPoint;
      for (int i = 0; i < base.length; i++) {
        out[i] += (1 - in.gamma()) * base[i];
      }
    }
  }

  /** The experiment's segment kinds for this trial; random points from the trial's segment stream. */
  private List<SegmentResult> segments(Cell cell, Prepared p, double[] x0, double[] found, long seed) {
    if (experiment.segments().isEmpty()) {
      return List.of();
    }
    SplitMix64 rng = new SplitMix64(Seeds.derive(seed, STREAM_SEGMENTS));
    List<SegmentResult> out = new java.util.ArrayList<>(experiment.segments().size());
    for (SegmentKind kind : experiment.segments()) {
      double[] a;
      double[] b;
      switch (kind) {
        case RANDOM_RANDOM -> {
          a = new double[x0.length];
          b = new double[x0.length];
          start(cell, p, rng, a);
          start(cell, p, rng, b);
        }
        case INIT_TO_FOUND -> {
          a = x0;
          b = found;
        }
        case RANDOM_TO_TRUTH -> {
          a = new double[x0.length];
          start(cell, p, rng, a);
          b = p.truthPoint;
        }
        case INIT_TO_SPURIOUS -> {
          a = x0;
          b = p.spuriousPoint;
        }
        default -> throw new IllegalStateException(kind.toString());
      }
      out.add(segment(kind, p.problem.objective(), a, b));
    }
    return out;
  }

  private static SegmentResult segment(SegmentKind kind, Objective f, double[] a, double[] b) {
    if (!(f instanceof SegmentResiduals s) || b == null || !MatOps.allFinite(b)) {
      return new SegmentResult(kind, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    LineCurvature c = LineCurvature.of(s, a, b);
    return new SegmentResult(kind, c.curvature(), c.loss(0), c.loss(0.5), c.loss(1));
  }

  /** Cosines and curvature at the trace's kept iterates (the end point is the last one). */
  private static TrajectoryStats trajectory(Prepared p, SolveResult r) {
    Trace trace = r.trace();
    int k = trace.size();
    double[] cosEnd = new double[k];
    double[] cosTruth = new double[k];
    double[] curvEnd = new double[k];
    Objective f = p.problem.objective();
    double[] g = new double[f.dim()];
    boolean finite = MatOps.allFinite(r.x());
    for (int i = 0; i < k; i++) {
      double[] x = trace.point(i);
      cosEnd[i] = Double.NaN;
      cosTruth[i] = Double.NaN;
      curvEnd[i] = Double.NaN;
      if (!MatOps.allFinite(x)) {
        continue;
      }
      f.valueAndGradient(x, g);
      if (finite) {
        cosEnd[i] = cosineOfDescent(g, x, r.x());
        if (f instanceof SegmentResiduals s) {
          curvEnd[i] = LineCurvature.of(s, x, r.x()).curvature();
        }
      }
      if (p.truthPoint != null) {
        cosTruth[i] = cosineOfDescent(g, x, p.truthPoint);
      }
    }
    return new TrajectoryStats(cosEnd, cosTruth, curvEnd);
  }

  /** {@code cos(-g, target - x)}; NaN when either vector vanishes. */
  static double cosineOfDescent(double[] g, double[] x, double[] target) {
    double dot = 0;
    double gg = 0;
    double dd = 0;
    for (int i = 0; i < g.length; i++) {
      double d = target[i] - x[i];
      dot -= g[i] * d;
      gg += g[i] * g[i];
      dd += d * d;
    }
    return gg > 0 && dd > 0 ? dot / Math.sqrt(gg * dd) : Double.NaN;
  }

  /** Per-cell state: the problem (owns the objective's scratch), catalogued models, buffers. */
  private static final class Prepared {
    final Problem problem;
    final int draw;
    /** The truth's model (null when the problem has no truth). */
    final double[] truth;
    final double truthNorm;
    final double[][] spurious;
    final double[] spuriousNorms;
    final double[] x0;
    final double[] model;
    /** The truth's variable (null when the problem has no truth). */
    final double[] truthPoint;
    /** The first catalogued spurious point's variable (null when none). */
    final double[] spuriousPoint;

    Prepared(Problem problem, int draw) {
      this.problem = problem;
      this.draw = draw;
      // Real data has no truth: no relative error, no cosine toward it (the spec refuses
      // starts and segments that need it).
      truth = problem.hasTruth() ? problem.truthModel() : null;
      truthNorm = truth == null ? Double.NaN : MatOps.normF(truth);
      List<Problem.CataloguedPoint> points = problem.spuriousPoints();
      spurious = new double[points.size()][];
      spuriousNorms = new double[points.size()];
      for (int i = 0; i < spurious.length; i++) {
        spurious[i] = points.get(i).model();
        spuriousNorms[i] = MatOps.normF(spurious[i]);
      }
      x0 = new double[problem.objective().dim()];
      truthPoint = problem.hasTruth() ? problem.truthPoint() : null;
      spuriousPoint = points.isEmpty() ? null : points.get(0).x().clone();
      model = new double[problem.modelRows() * problem.modelCols()];
    }
  }
}
