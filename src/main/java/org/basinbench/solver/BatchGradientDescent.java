package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.BatchObjective;

/**
 * {@link GradientDescent} from many starts at once: the same fixed-step update, the same
 * {@link Stopping} rules and {@link Trace}, each start's run a lane of a
 * {@link BatchObjective}. Every lane ends exactly where its own run would, at the same update
 * and with the same numbers whatever the other lanes: the per-update test is one pass over the
 * lanes, and only when it flags a lane (the loss or gradient not finite or past its limit, the
 * gradient near its threshold) or at a checkpoint, stall check or the budget are the lanes put
 * through the exact per-run rules of {@link Monitor}. A lane that stops leaves the batch (the
 * last active lane takes its slot), so the passes cover active lanes only.
 *
 * <p>Wall time: the lanes of a block share one clock. Each run is charged the block's time in
 * proportion to its updates, and its trace's checkpoint times are scaled by the same share.
 */
public final class BatchGradientDescent {
  /**
   * Lanes advanced together. A block's arrays (point, gradient, loss, squared gradient norm and
   * the two limits: 8 doubles a lane for two variables) then take 16 KiB and stay in the L1 cache.
   */
  public static final int BLOCK = 256;

  private BatchGradientDescent() {}

  /**
   * Runs gradient descent from every start.
   *
   * @param f the loss, over lanes
   * @param starts the starts, each of length f.dim(); not modified
   * @param cfg step, budget and stopping rules; joint updates only (no alternating blocks)
   * @param traces one fresh trace per start (none recorded, none shared), made for cfg's budget
   * @return each start's result, in the order of the starts
   */
  public static SolveResult[] solve(BatchObjective f, double[][] starts, StepConfig cfg, Trace[] traces) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(cfg, "cfg");
    if (cfg.alternating()) {
      throw new IllegalArgumentException("batched gradient descent updates jointly; alternating is not supported");
    }
    if (traces.length != starts.length) {
      throw new IllegalArgumentException(
          "one trace per start: " + starts.length + " starts, " + traces.length + " traces");
    }
    for (double[] s : starts) {
      if (s.length != f.dim()) {
        throw new IllegalArgumentException("each start must have length f.dim() = " + f.dim() + ", got " + s.length);
      }
    }
    // Every lane's checkpoints must fall at the same updates (one schedule serves all lanes).
    java.util.Set<Trace> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Trace t : traces) {
      if (t.size() != 0 || t.offset() != 0 || t.maxIter() != cfg.maxIter() || !seen.add(t)) {
        throw new IllegalArgumentException("each start needs its own fresh trace for cfg's budget " + cfg.maxIter());
      }
    }
    SolveResult[] out = new SolveResult[starts.length];
    Block block = new Block(f, Math.min(BLOCK, starts.length));
    for (int from = 0; from < starts.length; from += BLOCK) {
      block.run(starts, traces, from, Math.min(starts.length, from + BLOCK), cfg, out);
    }
    return out;
  }

  /** The structure-of-arrays state of up to {@code capacity} lanes, reused block after block. */
  private static final class Block {
    final BatchObjective f;
    final int dim;
    final double[][] x;
    final double[][] g;
    final double[] loss;
    final double[] gn2;
    /** Per lane: the squared gradient norm at or below which the exact rules must look. */
    final double[] flagGn2;
    /** Per lane: the loss limit of the divergence guard. */
    final double[] lossLimit;
    /** Per lane: the index of its start. */
    final int[] start;
    final Monitor[] monitor;
    final double[] point;
    final double[] grad;

    Block(BatchObjective f, int capacity) {
      this.f = f;
      dim = f.dim();
      x = new double[dim][capacity];
      g = new double[dim][capacity];
      loss = new double[capacity];
      gn2 = new double[capacity];
      flagGn2 = new double[capacity];
      lossLimit = new double[capacity];
      start = new int[capacity];
      monitor = new Monitor[capacity];
      point = new double[dim];
      grad = new double[dim];
    }

    void run(double[][] starts, Trace[] traces, int from, int to, StepConfig cfg, SolveResult[] out) {
      int active = 0;
      for (int s = from; s < to; s++) {
        for (int c = 0; c < dim; c++) {
          x[c][active] = starts[s][c];
        }
        start[active++] = s;
      }
      long t0 = System.nanoTime();
      f.evaluate(x, active, loss, g, gn2);
      for (int i = 0; i < active; ) {
        monitor[i] = new Monitor(cfg.stop(), traces[start[i]], 1);
        double pg = pg(i);
        Termination t = monitor[i].start(lane(i), loss[i], pg);
        if (t != null) {
          out[start[i]] = monitor[i].finish(point.clone(), loss[i], pg, 0, t);
          active = remove(i, active);
          continue;
        }
        double thr = monitor[i].threshold();
        // sqrt(gn2) <= thr implies gn2 <= thr^2 up to rounding: the margin keeps the flag on the
        // safe side; below the smallest normal number the norm is computed scaled, so always look.
        flagGn2[i] = Math.max(thr * thr * (1 + 1e-9), Double.MIN_NORMAL);
        lossLimit[i] = monitor[i].lossLimit();
        i++;
      }
      final double eta = cfg.step();
      for (int k = 1; active > 0; k++) {
        // Not positive (or NaN): some lane may stop here (see BatchObjective.descend).
        double slack = f.descend(eta, x, active, loss, g, gn2, lossLimit, flagGn2);
        boolean scheduled = monitor[0].scheduled(k);
        if (slack > 0 && !scheduled) {
          continue;
        }
        for (int i = 0; i < active; ) {
          // Off schedule, only a flagged lane can stop (and the rules do nothing else there).
          if (!scheduled && flag(i) > 0) {
            i++;
            continue;
          }
          double pg = pg(i);
          Termination t = monitor[i].check(k, lane(i), loss[i], pg);
          if (t != null) {
            out[start[i]] = monitor[i].finish(point.clone(), loss[i], pg, k, t);
            active = remove(i, active);
          } else {
            i++;
          }
        }
      }
      chargeTime(out, from, to, System.nanoTime() - t0);
    }

    /** Lane i's share of the kernel's slack (see BatchObjective.descend): not positive when flagged. */
    private double flag(int i) {
      return Math.min(lossLimit[i] - loss[i], Math.min(gn2[i] - flagGn2[i], Double.MAX_VALUE - gn2[i]));
    }

    /** Lane i's point, copied into the shared buffer. */
    private double[] lane(int i) {
      for (int c = 0; c < dim; c++) {
        point[c] = x[c][i];
      }
      return point;
    }

    /** Lane i's gradient norm, exactly as the one-start loop computes it. */
    private double pg(int i) {
      for (int c = 0; c < dim; c++) {
        grad[c] = g[c][i];
      }
      return MatOps.normF(grad);
    }

    /** Moves the last active lane into slot i; returns the new number of active lanes. */
    private int remove(int i, int active) {
      int last = active - 1;
      for (int c = 0; c < dim; c++) {
        x[c][i] = x[c][last];
        g[c][i] = g[c][last];
      }
      loss[i] = loss[last];
      gn2[i] = gn2[last];
      flagGn2[i] = flagGn2[last];
      lossLimit[i] = lossLimit[last];
      start[i] = start[last];
      monitor[i] = monitor[last];
      monitor[last] = null;
      return last;
    }

    /** Charges each run of the block the block's time in proportion to its updates. */
    private static void chargeTime(SolveResult[] out, int from, int to, long nanos) {
      long updates = 0;
      for (int s = from; s < to; s++) {
        updates += out[s].iterations();
      }
      for (int s = from; s < to; s++) {
        SolveResult r = out[s];
        double share = updates == 0 ? 1.0 / (to - from) : (double) r.iterations() / updates;
        // The checkpoints' times too, so that a trace's last time is the run's wall time.
        r.trace().scaleTimes(share);
        out[s] = new SolveResult(r.x(), r.loss(), r.pgNorm(), r.iterations(), r.termination(), r.trace(),
            Math.round(nanos * share));
      }
    }
  }
}
