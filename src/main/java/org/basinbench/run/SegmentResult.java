package org.basinbench.run;

import org.basinbench.spec.SegmentKind;

/**
 * The exact curvature of the loss along one segment of a trial, with the loss at its ends and
 * midpoint (NaN when the segment's end is not finite or the loss is not least squares).
 *
 * @param kind which segment
 * @param curvature {@code min over [0, 1] of l''}
 * @param loss0 the loss at lambda = 0 (the first point)
 * @param lossHalf the loss at lambda = 1/2
 * @param loss1 the loss at lambda = 1 (the second point)
 */
public record SegmentResult(SegmentKind kind, double curvature, double loss0, double lossHalf, double loss1) {

  /** Whether the loss is convex on the whole segment (false when the curvature is unknown). */
  public boolean convex() {
    return curvature >= 0;
  }
}
