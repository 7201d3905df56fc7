package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.BatchObjective;

/**
 * {@link GradientDescent}, or fixed-step {@link ProjectedGradient} when the objective's step is
 * {@link BatchObjective#projected() projected}, from many starts at once: the same update, the same
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
  public static final int BLOCK = org.basinbench.objective.LaneObjective.LANES;

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
    new Block(f, Math.min(f.capacity(), Math.min(BLOCK, starts.length))).run(starts, traces, cfg, out);
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
    /** Per lane: the block step at which it joined (its update 0), and of its next scheduled check. */
    final long[] born;
    final long[] next;
    final int capacity;
    final Monitor[] monitor;
    final double[] point;
    final double[] grad;

    Block(BatchObjective f, int capacity) {
      this.f = f;
      dim = f.dim();
      // The point, gradient and loss have room for whole SIMD registers past the active lanes
      // (where the objective allows), so that its passes need no scalar tail.
      int storage = Math.max(capacity, Math.min(f.capacity(), org.basinbench.objective.LaneObjective.aligned(capacity)));
      x = new double[dim][storage];
      g = new double[dim][storage];
      loss = new double[storage];
      gn2 = new double[storage];
      flagGn2 = new double[capacity];
      lossLimit = new double[capacity];
      start = new int[capacity];
      born = new long[capacity];
      next = new long[capacity];
      this.capacity = capacity;
      monitor = new Monitor[capacity];
      point = new double[dim];
      grad = new double[dim];
    }

    /**
     * Runs every start through the block's lanes: a lane whose run stops takes the next start
     * (in batches, once half the lanes are free), so the lanes stay full until the starts run
     * out. Each lane counts its own updates from the step it joined at; its checks fall where its
     * own run's would.
     */
    void run(double[][] starts, Trace[] traces, StepConfig cfg, SolveResult[] out) {
      final double eta = cfg.step();
      long t0 = System.nanoTime();
      int nextStart = 0;
      int active = 0;
      long step = 0;
      long nextEvent = Long.MAX_VALUE;
      while (true) {
        if (nextStart < starts.length && active <= capacity / 2) {
          // Join: the next starts take the free slots and are checked at their update 0.
          int first = active;
          while (active < capacity && nextStart < starts.length) {
            int s = nextStart++;
            for (int c = 0; c < dim; c++) {
              // Projected gradient starts from P(x0) = max(0, x0), as its one-point loop does.
              x[c][active] = f.projected() ? Math.max(0.0, starts[s][c]) : starts[s][c];
            }
            start[active] = s;
            born[active++] = step;
          }
          f.evaluate(x, first, active, loss, g, gn2);
          for (int i = first; i < active; ) {
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
            next[i] = step + monitor[i].nextScheduled(0);
            i++;
          }
          nextEvent = minNext(active);
          continue;
        }
        if (active == 0) {
          break;
        }
        step++;
        // Not positive (or NaN): some lane may stop here (see BatchObjective.descend).
        double slack = f.descend(eta, x, active, loss, g, gn2, lossLimit, flagGn2);
        if (slack > 0 && step < nextEvent) {
          continue;
        }
        for (int i = 0; i < active; ) {
          boolean scheduled = next[i] == step;
          // Off schedule, only a flagged lane can stop (and the rules do nothing else there).
          if (!scheduled && flag(i) > 0) {
            i++;
            continue;
          }
          int k = (int) (step - born[i]);
          double pg = pg(i);
          Termination t = monitor[i].check(k, lane(i), loss[i], pg);
          if (t != null) {
            out[start[i]] = monitor[i].finish(point.clone(), loss[i], pg, k, t);
            active = remove(i, active);
          } else {
            if (scheduled) {
              next[i] = born[i] + monitor[i].nextScheduled(k);
            }
            i++;
          }
        }
        nextEvent = minNext(active);
      }
      chargeTime(out, 0, starts.length, System.nanoTime() - t0);
    }

    /** The earliest scheduled update of the active lanes. */
    private long minNext(int active) {
      return Lanes.min(next, active);
    }

    /** Lane i's share of the kernel's slack (see BatchObjective.descend): not positive when flagged. */
    private double flag(int i) {
      return Math.min(lossLimit[i] - loss[i], Math.min(gn2[i] - flagGn2[i], Double.MAX_VALUE - gn2[i]));
    }

    /** Lane i's point, copied into the shared buffer. */
    private double[] lane(int i) {
      return Lanes.gather(x, i, point);
    }

    /**
     * Lane i's stationarity measure, exactly as the one-start loop computes it: the gradient
     * norm, or the KKT residual {@code ||min(x, g)||} for a projected step.
     */
    private double pg(int i) {
      Lanes.gather(g, i, grad);
      return f.projected() ? ProjectedGradient.pgNorm(lane(i), grad) : MatOps.normF(grad);
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
      born[i] = born[last];
      next[i] = next[last];
      monitor[i] = monitor[last];
      monitor[last] = null;
      return last;
    }
  }

  /** Charges each run of a block the block's time in proportion to its updates (also for {@link BatchStochasticGradient}). */
  static void chargeTime(SolveResult[] out, int from, int to, long nanos) {
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
