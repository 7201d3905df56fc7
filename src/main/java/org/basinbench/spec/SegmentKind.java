package org.basinbench.spec;

/**
 * The segments whose exact curvature is measured per trial (the star-convexity paper's
 * figures), chosen in the spec's {@code statistics.segments}. Every segment runs from its
 * first point (lambda = 0) to its second (lambda = 1).
 */
public enum SegmentKind {
  /** Two independent draws from the cell's starting-point law (Fig. 3). */
  RANDOM_RANDOM("random-random"),
  /** The trial's start to its end point (Fig. 4). */
  INIT_TO_FOUND("init-to-found"),
  /** A fresh draw from the starting-point law to the truth (Theorem 1). */
  RANDOM_TO_TRUTH("random-to-truth"),
  /** The trial's start to the first catalogued spurious point. */
  INIT_TO_SPURIOUS("init-to-spurious");

  private final String label;

  SegmentKind(String label) {
    this.label = label;
  }

  /** The spec and table name. */
  public String label() {
    return label;
  }

  /** @return the kind with this label, or null */
  public static SegmentKind of(String label) {
    for (SegmentKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    return null;
  }

  /** Every label, in declaration order. */
  public static java.util.List<String> labels() {
    return java.util.Arrays.stream(values()).map(SegmentKind::label).toList();
  }
}
