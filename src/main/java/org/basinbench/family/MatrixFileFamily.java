package org.basinbench.family;

import static org.basinbench.spec.Capability.ENTRYWISE;
import static org.basinbench.spec.Capability.FACTORED;
import static org.basinbench.spec.Capability.NONNEGATIVE;
import static org.basinbench.spec.Capability.SMOOTH;
import static org.basinbench.spec.Capability.STOCHASTIC;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.basinbench.instance.MatrixFile;
import org.basinbench.instance.Problem;
import org.basinbench.landscape.Certificates;
import org.basinbench.rng.SplitMix64;
import org.basinbench.spec.BindContext;
import org.basinbench.spec.Bound;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.AbstractFamilyUnit;
import org.basinbench.spec.Field;
import org.basinbench.spec.InstanceSpec;
import org.basinbench.spec.Values;

/**
 * {@code matrix-file}: NMF of a real data matrix read from a file ({@link MatrixFile}), read
 * once by the driver when the spec is parsed and carried with the instance to the executors.
 * No truth: outcomes follow the best loss found. The path is not sweepable (one experiment,
 * one file); the rank and the image downsampling are.
 */
public final class MatrixFileFamily extends AbstractFamilyUnit {
  private static final List<Field> FIELDS = List.of(
      Field.string("path", true, null, List.of()),
      Field.string("format", false, null, MatrixFile.Format.labels()),
      Field.bool("dropLastColumn", false),
      Field.integer("downsample", false, 1L, 1, 100_000, true),
      Field.integer("r", true, null, 1, 100_000, true));

  private static final List<Column> COLUMNS = List.of(Columns.FAMILY, Columns.N, Columns.R, Columns.M,
      Columns.DATA_PATH, Columns.DATA_SHA256);

  public MatrixFileFamily() {
    super(MatrixFile.FAMILY, "NMF of a real data matrix (CSV, gzip CSV or an image), scaled as the star-convexity paper does",
        FIELDS, COLUMNS);
  }

  @Override
  public Bound bind(Values values, BindContext context) {
    DataFileBinder binder = (DataFileBinder) context.cache().computeIfAbsent(DataFileBinder.class,
        k -> new DataFileBinder(context));
    return binder.bind(values);
  }

  /**
   * One instance: the matrix read and the search rank.
   *
   * @param path the file as the spec gives it (relative paths resolve against the spec's
   *     directory); for provenance only: the cells and seeds follow the matrix's content
   * @param format the format it was read as ("csv", "csv.gz", "image")
   * @param dropLastColumn whether the last CSV column was dropped
   * @param downsample the image block-average factor (1 for CSV)
   * @param params the matrix and the search rank
   */
  public record Spec(String path, String format, boolean dropLastColumn, int downsample, MatrixFile params)
      implements InstanceSpec {
    @Override
    public String family() {
      return MatrixFile.FAMILY;
    }

    /**
     * The family, the shape, the rank and the SHA-256 of the matrix read: a changed file
     * changes the cells and seeds, a moved or renamed one does not.
     */
    @Override
    public String canonicalKey() {
      MatrixFile p = params;
      return MatrixFile.FAMILY + ";n=" + p.n() + ";m=" + p.m() + ";r=" + p.r() + ";sha256=" + p.data().sha256();
    }

    @Override
    public String describe() {
      MatrixFile p = params;
      return String.format(Locale.ROOT, "%s %s (%s%s%s) n=%d m=%d r=%d sha256=%s", MatrixFile.FAMILY, path, format,
          dropLastColumn ? ", last column dropped" : "", downsample > 1 ? ", downsampled " + downsample + "x" : "",
          p.n(), p.m(), p.r(), p.data().sha256().substring(0, 12));
    }

    @Override
    public void columns(ColumnValues m) {
      MatrixFile p = params;
      m.put(Columns.FAMILY, MatrixFile.FAMILY);
      m.put(Columns.N, p.n());
      m.put(Columns.R, p.r());
      m.put(Columns.M, p.m());
      m.put(Columns.DATA_PATH, path);
      m.put(Columns.DATA_SHA256, p.data().sha256());
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(NONNEGATIVE, SMOOTH, STOCHASTIC, ENTRYWISE, FACTORED);
    }

    /** Not estimated (validate prints no work estimate for real data). */
    @Override
    public double flopsPerIteration() {
      return Double.NaN;
    }

    @Override
    public DataFile dataFile() {
      MatrixFile p = params;
      return new DataFile(path, format, dropLastColumn, downsample, p.n(), p.m(), p.sigma(), p.data().sha256());
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return params.problem();
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, 0, 0);
    }
  }
}
