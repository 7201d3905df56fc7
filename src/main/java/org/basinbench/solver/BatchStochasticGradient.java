package org.basinbench.solver;

import java.util.Objects;
import org.basinbench.linalg.LaneOps;
import org.basinbench.linalg.MatOps;
import org.basinbench.objective.LaneObjective;
import org.basinbench.objective.StochasticLanes;
import org.basinbench.rng.SplitMix64;

/**
 * {@link StochasticGradient} from many starts at once, each start's run a lane of a
 * {@link StochasticLanes}: every lane has its own generator and its own permutation, draws its
 * batch exactly as the one-point loop does (a partial Fisher-Yates shuffle), takes the same
 * update {@code x - step g} and is evaluated and checked at the same updates under the same
 * {@link Monitor}, so it ends where its own run would, with the same bits, whatever the other
 * lanes. When any lane is due, all lanes are evaluated (a lane's gradient is overwritten by its
 * next batch gradient anyway), but only the due lanes are checked.
 *
 * <p>A lane that stops leaves the batch (the last active lane takes its slot); once half the
 * lanes are free the next starts join, at an update that is a multiple of the epoch
 * ({@code ceil(N / B)} updates), so that every lane's per-epoch evaluations fall together.
 *
 * <p>Wall time: as {@link BatchGradientDescent}, each run is charged the block's time in
 * proportion to its updates.
 */
public final class BatchStochasticGradient {
  /** Lanes advanced together (see {@link BatchGradientDescent#BLOCK}). */
  public static final int BLOCK = LaneObjective.LANES;

  private BatchStochasticGradient() {}

  /**
   * Runs minibatch SGD from every start.
   *
   * @param f the loss over lanes, with its minibatch gradients
   * @param starts the starts, each of length f.dim(); not modified
   * @param cfg step, batch size and stopping rules
   * @param rngs one generator per start, the one {@link StochasticGradient#solve} would get; advanced
   * @param traces one fresh trace per start (none shared), made for cfg's budget
   * @return each start's result, in the order of the starts
   */
  public static SolveResult[] solve(StochasticLanes f, double[][] starts, SgdConfig cfg, SplitMix64[] rngs,
      Trace[] traces) {
    Objects.requireNonNull(f, "f");
    Objects.requireNonNull(cfg, "cfg");
    if (traces.length != starts.length || rngs.length != starts.length) {
      throw new IllegalArgumentException("one trace and one generator per start: " + starts.length + " starts, "
          + traces.length + " traces, " + rngs.length + " generators");
    }
    for (double[] s : starts) {
      if (s.length != f.dim()) {
        throw new IllegalArgumentException("each start must have length f.dim() = " + f.dim() + ", got " + s.length);
      }
    }
    java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (Trace t : traces) {
      if (t.size() != 0 || t.offset() != 0 || t.maxIter() != cfg.maxIter() || !seen.add(t)) {
        throw new IllegalArgumentException("each start needs its own fresh trace for cfg's budget " + cfg.maxIter());
      }
    }
    for (SplitMix64 r : rngs) {
      if (!seen.add(Objects.requireNonNull(r, "rng"))) {
        throw new IllegalArgumentException("each start needs its own generator");
      }
    }
    SolveResult[] out = new SolveResult[starts.length];
    new Block(f, Math.min(f.capacity(), Math.min(BLOCK, starts.length))).run(starts, rngs, traces, cfg, out);
    return out;
  }

  /** The structure-of-arrays state of up to {@code capacity} lanes, reused as starts come and go. */
  private static final class Block {
    final StochasticLanes f;
    final LaneOps ops = LaneOps.get();
    final int dim;
    final int terms;
    final int capacity;
    final double[][] x;
    final double[][] g;
    final double[] loss;
    /** Per lane: its permutation of the terms, whose prefix is its batch. */
    final int[][] perm;
    final SplitMix64[] rng;
    final Monitor[] monitor;
    /** Per lane: the index of its start, and the block step at which it joined (its update 0). */
    final int[] start;
    final long[] born;
    /** Per lane: the block step of its next evaluation ({@link Monitor#due}: an epoch's end or a scheduled update). */
    final long[] next;
    final double[] point;
    final double[] grad;

    Block(StochasticLanes f, int capacity) {
      this.f = f;
      dim = f.dim();
      terms = f.terms();
      this.capacity = capacity;
      x = new double[dim][capacity];
      g = new double[dim][capacity];
      loss = new double[capacity];
      perm = new int[capacity][terms];
      rng = new SplitMix64[capacity];
      monitor = new Monitor[capacity];
      start = new int[capacity];
      born = new long[capacity];
      next = new long[capacity];
      point = new double[dim];
      grad = new double[dim];
    }

    void run(double[][] starts, SplitMix64[] rngs, Trace[] traces, SgdConfig cfg, SolveResult[] out) {
      final int batch = Math.min(cfg.batch(), terms);
      final int checkEvery = (terms + batch - 1) / batch;
      final double eta = cfg.step();
      long t0 = System.nanoTime();
      int nextStart = 0;
      int active = 0;
      long step = 0;
      long nextEvent = Long.MAX_VALUE;
      while (true) {
        if (nextStart < starts.length && (active == 0 || active <= capacity / 2 && step % checkEvery == 0)) {
          // Join: the next starts take the free slots, each with its own generator and a fresh permutation.
          int first = active;
          while (active < capacity && nextStart < starts.length) {
            int s = nextStart++;
            for (int c = 0; c < dim; c++) {
              x[c][active] = starts[s][c];
            }
            int[] p = perm[active];
            for (int i = 0; i < terms; i++) {
              p[i] = i;
            }
            rng[active] = rngs[s];
            start[active] = s;
            born[active++] = step;
          }
          f.valueAndGradient(x, first, active, loss, g);
          for (int i = first; i < active; ) {
            monitor[i] = new Monitor(cfg.stop(), traces[start[i]], checkEvery);
            double gn = gn(i);
            Termination t = monitor[i].start(lane(i), loss[i], gn);
            if (t != null) {
              out[start[i]] = monitor[i].finish(point.clone(), loss[i], gn, 0, t);
              active = remove(i, active);
            } else {
              next[i] = born[i] + nextDue(i, 0, checkEvery);
              i++;
            }
          }
          nextEvent = minNext(active);
          continue;
        }
        if (active == 0) {
          break;
        }
        step++;
        for (int i = 0; i < active; i++) {
          // The one-point loop's draw: a partial Fisher-Yates shuffle of the lane's own permutation.
          int[] p = perm[i];
          SplitMix64 r = rng[i];
          for (int k = 0; k < batch; k++) {
            int j = k + r.nextInt(terms - k);
            int tmp = p[k];
            p[k] = p[j];
            p[j] = tmp;
          }
        }
        f.batchGradient(x, 0, active, perm, batch, g);
        for (int c = 0; c < dim; c++) {
          ops.subMulScalar(x[c], x[c], g[c], eta, 0, active);
        }
        if (step < nextEvent) {
          continue;
        }
        f.valueAndGradient(x, 0, active, loss, g);
        for (int i = 0; i < active; ) {
          if (next[i] != step) {
            i++;
            continue;
          }
          int k = (int) (step - born[i]);
          double gn = gn(i);
          Termination t = monitor[i].check(k, lane(i), loss[i], gn);
          if (t != null) {
            out[start[i]] = monitor[i].finish(point.clone(), loss[i], gn, k, t);
            active = remove(i, active);
          } else {
            next[i] = born[i] + nextDue(i, k, checkEvery);
            i++;
          }
        }
        nextEvent = minNext(active);
      }
      BatchGradientDescent.chargeTime(out, 0, starts.length, System.nanoTime() - t0);
    }

    /**
     * The first update after {@code k} at which lane i's monitor is {@link Monitor#due}, given that
     * every due update up to k was checked: the next end of an epoch, or the next scheduled update.
     */
    private long nextDue(int i, int k, int checkEvery) {
      return Math.min(((long) k / checkEvery + 1) * checkEvery, monitor[i].nextScheduled(k));
    }

    /** The earliest next evaluation of the active lanes. */
    private long minNext(int active) {
      return Lanes.min(next, active);
    }

    /** Lane i's point, copied into the shared buffer. */
    private double[] lane(int i) {
      return Lanes.gather(x, i, point);
    }

    /** Lane i's gradient norm, as the one-point loop computes it. */
    private double gn(int i) {
      return MatOps.normF(Lanes.gather(g, i, grad));
    }

    /** Moves the last active lane into slot i (its permutation and generator by reference); returns the new count. */
    private int remove(int i, int active) {
      int last = active - 1;
      for (int c = 0; c < dim; c++) {
        x[c][i] = x[c][last];
        g[c][i] = g[c][last];
      }
      loss[i] = loss[last];
      int[] p = perm[i];
      perm[i] = perm[last];
      perm[last] = p;
      rng[i] = rng[last];
      rng[last] = null;
      monitor[i] = monitor[last];
      monitor[last] = null;
      start[i] = start[last];
      born[i] = born[last];
      next[i] = next[last];
      return last;
    }
  }
}
