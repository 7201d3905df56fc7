package org.basinbench.spec;

import java.io.Serializable;
import java.util.Set;
import org.basinbench.instance.Problem;
import org.basinbench.landscape.Certificates;
import org.basinbench.rng.SplitMix64;

/**
 * A concrete problem instance of one grid point (all parameters fixed), bound by its family's
 * {@link FamilyUnit}. Every method that differs between families is abstract, so a new family
 * states each of them; the few defaults are those most families share.
 */
public interface InstanceSpec extends Serializable {

  /** The {@code instance.family} tag. */
  String family();

  /**
   * A canonical string of every parameter, exact to the bit, used to derive seeds and cell ids.
   * Never change the format of an existing family: that would change every published seed.
   */
  String canonicalKey();

  /** A short human-readable form, for listings and messages. */
  String describe();

  /** Writes this instance's parameter columns (each one its unit declares; null where one does not apply). */
  void columns(ColumnValues out);

  /** What the problem offers solvers and statistics; the built problem must agree. */
  Set<Capability> capabilities();

  /**
   * Builds the problem (a new one with its own scratch: one per thread).
   *
   * @param rng the generator of this draw of a random instance (see {@link #draws()});
   *     deterministic families ignore it
   */
  Problem problem(SplitMix64 rng);

  /** What is known of the instance's RIP constant, and how the certificates measure it. */
  Certificates.Delta ripDelta();

  /**
   * Floating-point operations of one loss-and-gradient evaluation, to leading order: the work
   * estimate that {@code basinbench validate} prints (NaN when unknown).
   */
  double flopsPerIteration();

  /**
   * How many independent instances a random family draws per grid point: trial t uses draw
   * {@code t mod draws}. 1 for deterministic families.
   */
  default int draws() {
    return 1;
  }

  /**
   * The data file the instance was read from, for the manifest and the spec hash (families
   * that read data; null for the others).
   */
  default DataFile dataFile() {
    return null;
  }

  /** Whether the instance offers a capability. */
  default boolean has(Capability c) {
    return capabilities().contains(c);
  }

  /**
   * Whether the family knows its truth (false for real data): without it there is no relative
   * error, no start near the truth, no segment toward it, and outcomes follow the best-known
   * rule (see {@code Outcome.withoutTruth}).
   */
  default boolean hasTruth() {
    return has(Capability.TRUTH);
  }

  /**
   * A data file an instance was read from.
   *
   * @param path the path as the spec gives it
   * @param format the format it was read as
   * @param dropLastColumn whether the last CSV column was dropped
   * @param downsample the image block-average factor (1 for CSV)
   * @param rows rows of the matrix read
   * @param cols columns of the matrix read
   * @param sigma the scale the entries were divided by
   * @param sha256 the SHA-256 of the matrix read (see {@code DataMatrix})
   */
  record DataFile(String path, String format, boolean dropLastColumn, int downsample, int rows, int cols,
      double sigma, String sha256) implements Serializable {}
}
