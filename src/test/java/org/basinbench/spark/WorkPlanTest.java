package org.basinbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkPlanTest {
  /** Every (cell, trial) of a round is named by exactly one round-wide number, in block order. */
  @Test
  void roundNumbersMapOntoEachCellsRangeOnce() {
    long[] done = {20, 20, 40, 20};
    long[] target = {20, 45, 80, 21};
    WorkPlan plan = WorkPlan.nextRound(done, target);
    assertEquals(3, plan.cells(), "cell 0 is done");
    assertEquals(25 + 40 + 1, plan.size());
    Set<String> seen = new HashSet<>();
    for (long g = 0; g < plan.size(); g++) {
      int b = plan.block(g);
      int c = plan.cellOf(b);
      long t = plan.trialOf(b, g);
      assertEquals(true, t >= done[c] && t < target[c], "cell " + c + " trial " + t);
      assertEquals(true, seen.add(c + ":" + t));
    }
    WorkPlan first = WorkPlan.firstRound(3, 7);
    assertEquals(21, first.size());
    assertEquals(2, first.cellOf(first.block(14)));
    assertEquals(0, first.trialOf(first.block(14), 14));
    assertEquals(6, first.trialOf(first.block(13), 13));
  }

  /**
   * Balance: every slice holds its proportional share of every cell, within one trial, so that
   * an expensive cell (here the last one, as the largest n of a size sweep is) is spread over
   * all tasks rather than over the last few.
   */
  @Test
  void everySliceHoldsItsShareOfEveryCell() {
    WorkPlan plan = WorkPlan.firstRound(5, 203);
    for (int parts : new int[] {2, 7, 64}) {
      for (TaskSlice s : BasinBenchJob.slices(parts)) {
        long[] perCell = new long[5];
        for (long g = s.index(); g < plan.size(); g += s.count()) {
          perCell[plan.cellOf(plan.block(g))]++;
        }
        for (int c = 0; c < 5; c++) {
          assertEquals(203.0 / parts, perCell[c], 1.0, "slice " + s + ", cell " + c);
        }
      }
    }
  }
}
