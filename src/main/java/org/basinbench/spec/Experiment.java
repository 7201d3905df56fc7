package org.basinbench.spec;

import java.io.Serializable;
import java.util.List;

/**
 * One validated, expanded experiment.
 *
 * @param name the experiment's safe identifier (directory name of its tables)
 * @param description free text from the spec ("" when absent)
 * @param seed the spec seed; every trial seed is derived from it and the trial's identity
 * @param trials trials per cell (with {@code adaptive}, of the first round)
 * @param success how end points are labelled
 * @param segments the segment kinds whose curvature is measured in every trial (may be empty)
 * @param trajectories whether to keep the solvers' iterates at their checkpoints and write the
 *     trajectory table (large: one row per trial and checkpoint)
 * @param adaptive adaptive trial counts, or null: every cell runs exactly {@code trials}
 * @param certifiedDraws draws of each random instance that get a certificate: draws
 *     {@code 0 .. min(certifiedDraws, draws) - 1} (see {@link #certifiedDraws(InstanceSpec)})
 * @param cells the expanded cells, in expansion order
 * @param notes grid combinations skipped because they break a cross-field rule, one line each
 * @param specJson the experiment's JSON as given, keys sorted (provenance)
 * @param specHash SHA-256 of {@code specJson}; for a spec that reads data files (matrix-file),
 *     of {@code specJson} followed by the SHA-256 of each data matrix, so that it changes with
 *     the data (see {@code SpecParser.specHash})
 * @param source the file it came from
 */
public record Experiment(
    String name,
    String description,
    long seed,
    int trials,
    SuccessCriteria success,
    List<SegmentKind> segments,
    boolean trajectories,
    Adaptive adaptive,
    int certifiedDraws,
    List<Cell> cells,
    List<String> notes,
    String specJson,
    String specHash,
    String source)
    implements Serializable {

  /** Certified draws per random instance when the spec does not say ({@code "certificates": {"draws": N}}). */
  public static final int DEFAULT_CERTIFIED_DRAWS = 3;

  public Experiment {
    if (certifiedDraws < 1) {
      throw new IllegalArgumentException("certifiedDraws must be >= 1, got " + certifiedDraws);
    }
    cells = List.copyOf(cells);
    segments = List.copyOf(segments);
    notes = List.copyOf(notes);
  }

  /** The draws of {@code instance} that get a certificate: the first {@code min(certifiedDraws, draws)}. */
  public int certifiedDraws(InstanceSpec instance) {
    return Math.min(certifiedDraws, instance.draws());
  }

  /** Trial count of the first round, {@code cells x trials} (the total, unless adaptive). */
  public long totalTrials() {
    return (long) cells.size() * trials;
  }
}
