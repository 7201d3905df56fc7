package org.example.symnmf;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.basinbench.instance.Problem;
import org.basinbench.landscape.Certificates;
import org.basinbench.rng.SplitMix64;
import org.basinbench.spec.BindContext;
import org.basinbench.spec.Bound;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.FamilyUnit;
import org.basinbench.spec.Field;
import org.basinbench.spec.InstanceSpec;
import org.basinbench.spec.Values;

/**
 * The {@code symmetric-nmf} family: {@link SymmetricNmf} as a BasinBench unit. Registered by
 * one line in {@code META-INF/services/org.basinbench.spec.FamilyUnit}.
 */
public final class SymmetricNmfFamily implements FamilyUnit {
  public static final String NAME = "symmetric-nmf";

  /** A column the built-in catalogue lacks: the extension declares it, the tables gain it. */
  public static final Column TRUTH_SCALE = Column.of("truth_scale", Column.Type.DOUBLE, Column.Group.INSTANCE,
      "scale of the planted factor's half-normal entries (symmetric-nmf)");

  private static final List<Field> FIELDS = List.of(
      Field.integer("n", true, null, 2, 200, true),
      Field.integer("rStar", true, null, 1, 200, true),
      Field.integer("r", true, null, 1, 200, true),
      Field.number("scale", false, 1.0, 0, true, Double.NaN, true),
      Field.integer("draws", false, 1L, 1, 10_000, false));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String summary() {
    return "symmetric NMF min 1/2 ||U U^T - U* U*^T||^2, U >= 0, of a planted half-normal U*";
  }

  @Override
  public List<Field> fields() {
    return FIELDS;
  }

  @Override
  public List<Column> columns() {
    return List.of(Columns.FAMILY, Columns.N, Columns.R_STAR, Columns.R, Columns.DRAWS, TRUTH_SCALE);
  }

  @Override
  public Bound bind(Values c, BindContext context) {
    int n = c.integer("n");
    int rStar = c.integer("rStar");
    int r = c.integer("r");
    if (r < rStar) {
      return Bound.invalid("r", "r must be >= rStar (the search rank must reach the planted rank); got rStar="
          + rStar + ", r=" + r);
    }
    if (rStar > n) {
      return Bound.invalid("rStar", "rStar must be <= n; got n=" + n + ", rStar=" + rStar);
    }
    return Bound.of(new Spec(n, rStar, r, c.number("scale"), c.integer("draws")));
  }

  /** One grid point: sizes, the planted scale, and how many instances are drawn. */
  public record Spec(int n, int rStar, int r, double scale, int draws) implements InstanceSpec {
    @Override
    public String family() {
      return NAME;
    }

    @Override
    public String canonicalKey() {
      return NAME + ";n=" + n + ";rStar=" + rStar + ";r=" + r + ";scale=" + Canonical.bits(scale) + ";draws="
          + draws;
    }

    @Override
    public String describe() {
      return NAME + " n=" + n + " rStar=" + rStar + " r=" + r + " scale=" + scale + " draws=" + draws;
    }

    @Override
    public void columns(ColumnValues out) {
      out.put(Columns.FAMILY, NAME);
      out.put(Columns.N, n);
      out.put(Columns.R_STAR, rStar);
      out.put(Columns.R, r);
      out.put(Columns.DRAWS, draws);
      out.put(TRUTH_SCALE, scale);
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(Capability.NONNEGATIVE, Capability.SMOOTH, Capability.TRUTH);
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return new SymmetricNmf(n, rStar, r, scale, rng);
    }

    @Override
    public int draws() {
      return draws;
    }

    /** Not a sensing problem: no RIP constant. */
    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, 0, 0);
    }

    /** U U^T and the product (U U^T - X) U: 4 n^2 r. */
    @Override
    public double flopsPerIteration() {
      return 4.0 * n * n * r;
    }
  }
}
