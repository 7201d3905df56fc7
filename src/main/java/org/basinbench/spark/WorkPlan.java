package org.basinbench.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The trials of one round: per cell, a contiguous range of trial numbers
 * {@code [from, to)}. The round's trials are numbered 0..size()-1 block after block, and tasks
 * take strided slices of those numbers ({@link TaskSlice}); a trial's identity (cell, trial)
 * never depends on how the round is split into tasks.
 */
final class WorkPlan implements Serializable {
  private final int[] cell;
  private final long[] from;
  /** Round-wide number of each block's first trial; {@code offset[blocks]} is the size. */
  private final long[] offset;

  private WorkPlan(int[] cell, long[] from, long[] to) {
    this.cell = cell;
    this.from = from;
    this.offset = new long[cell.length + 1];
    for (int b = 0; b < cell.length; b++) {
      if (to[b] < from[b]) {
        throw new IllegalArgumentException("empty range of cell " + cell[b]);
      }
      offset[b + 1] = offset[b] + (to[b] - from[b]);
    }
  }

  /** Every cell, trials {@code [0, trials)}: the first (or only) round. */
  static WorkPlan firstRound(int cells, int trials) {
    long[] to = new long[cells];
    Arrays.fill(to, trials);
    int[] ids = new int[cells];
    for (int c = 0; c < cells; c++) {
      ids[c] = c;
    }
    return new WorkPlan(ids, new long[cells], to);
  }

  /**
   * The next round: cell c gets trials {@code [done[c], target[c])}; cells with
   * {@code target[c] <= done[c]} are left out.
   */
  static WorkPlan nextRound(long[] done, long[] target) {
    List<Integer> ids = new ArrayList<>();
    for (int c = 0; c < done.length; c++) {
      if (target[c] > done[c]) {
        ids.add(c);
      }
    }
    int[] cell = new int[ids.size()];
    long[] from = new long[ids.size()];
    long[] to = new long[ids.size()];
    for (int b = 0; b < cell.length; b++) {
      cell[b] = ids.get(b);
      from[b] = done[cell[b]];
      to[b] = target[cell[b]];
    }
    return new WorkPlan(cell, from, to);
  }

  /** Trials in the round. */
  long size() {
    return offset[cell.length];
  }

  /** Cells with at least one trial in the round. */
  int cells() {
    return cell.length;
  }

  /** Block of round-wide trial number {@code g}. */
  int block(long g) {
    int b = Arrays.binarySearch(offset, g);
    // Exact hits name a block start (skip empty blocks); otherwise the insertion point - 1.
    if (b >= 0) {
      while (b + 1 < offset.length && offset[b + 1] == g) {
        b++;
      }
      return b;
    }
    return -b - 2;
  }

  /** Cell index of block {@code b}. */
  int cellOf(int b) {
    return cell[b];
  }

  /** Trial number, within its cell, of round-wide trial {@code g} in block {@code b}. */
  long trialOf(int b, long g) {
    return from[b] + (g - offset[b]);
  }

  /** Trials of the round per cell, over cell indices {@code 0..cells-1}. */
  long[] trialsPerCell(int cells) {
    long[] n = new long[cells];
    for (int b = 0; b < cell.length; b++) {
      n[cell[b]] += offset[b + 1] - offset[b];
    }
    return n;
  }

  /** Round-wide number of the first trial after block {@code b}. */
  long blockEnd(int b) {
    return offset[b + 1];
  }
}
