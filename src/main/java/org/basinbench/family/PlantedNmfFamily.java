package org.basinbench.family;

import static org.basinbench.spec.Capability.ENTRYWISE;
import static org.basinbench.spec.Capability.FACTORED;
import static org.basinbench.spec.Capability.NONNEGATIVE;
import static org.basinbench.spec.Capability.SMOOTH;
import static org.basinbench.spec.Capability.STOCHASTIC;
import static org.basinbench.spec.Capability.TRUTH;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.landscape.Certificates;
import org.basinbench.spec.BindContext;
import org.basinbench.spec.Bound;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.AbstractFamilyUnit;
import org.basinbench.spec.Field;
import org.basinbench.spec.Values;

/**
 * {@code planted-nmf}: planted NMF (star-convexity paper, Assumption 1), drawn afresh for each
 * of {@code draws} instances ({@link PlantedNmf}).
 */
public final class PlantedNmfFamily extends AbstractFamilyUnit {
  private static final List<Field> FIELDS = List.of(
      Field.integer("n", true, null, 1, 1_000_000, true),
      Field.integer("m", true, null, 1, 1_000_000, true),
      Field.integer("rStar", true, null, 1, 100_000, true),
      Field.integer("r", true, null, 1, 100_000, true),
      Field.string("distribution", false, PlantedNmf.HALF_NORMAL, List.of(PlantedNmf.HALF_NORMAL, PlantedNmf.UNIFORM)),
      Field.number("scale", false, 1.0, 0, true, Double.NaN, true),
      Field.number("p", false, 1.0, 0, true, 1.0, true),
      Field.number("noise", false, 0.0, 0, false, Double.NaN, true),
      Limits.draws());

  private static final List<Column> COLUMNS = List.of(Columns.FAMILY, Columns.N, Columns.M, Columns.R_STAR,
      Columns.R, Columns.DISTRIBUTION, Columns.FACTOR_SCALE, Columns.P_OBSERVED, Columns.NOISE, Columns.DRAWS);

  public PlantedNmfFamily() {
    super(PlantedNmf.FAMILY, "planted NMF X = U* V* (+ noise), partially observed: the star-convexity paper's Assumption 1",
        FIELDS, COLUMNS);
  }

  @Override
  public Bound bind(Values c, BindContext context) {
    int n = c.integer("n");
    int m = c.integer("m");
    int rStar = c.integer("rStar");
    int r = c.integer("r");
    if (r < rStar) {
      return Bound.invalid(SensingFamilies.rankBelowTruth(rStar, r));
    }
    if (rStar > Math.min(n, m)) {
      return Bound.invalid("rStar must be <= min(n, m) (a planted factorization of rank rStar); got n=" + n + ", m="
          + m + ", rStar=" + rStar);
    }
    if ((long) n * m > Limits.MAX_ENTRIES) {
      return Bound.invalid("n m = " + (long) n * m + " entries; at most " + Limits.MAX_ENTRIES
          + " (dense data per trial)");
    }
    return Bound.of(new Spec(new PlantedNmf(n, m, rStar, r, c.text("distribution"), c.number("scale"),
        c.number("p"), c.number("noise")), c.integer("draws")));
  }

  /** One grid point: the law of the planted instances and how many are drawn. */
  public record Spec(PlantedNmf params, int draws) implements Drawn {
    /** The model L R^T and the two gradient products: 6 n m r. */
    @Override
    public double flopsPerIteration() {
      return 6.0 * params.n() * params.m() * params.r();
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(NONNEGATIVE, SMOOTH, TRUTH, STOCHASTIC, ENTRYWISE, FACTORED);
    }

    @Override
    public String family() {
      return PlantedNmf.FAMILY;
    }

    @Override
    public String canonicalKey() {
      PlantedNmf p = params;
      return PlantedNmf.FAMILY + ";n=" + p.n() + ";m=" + p.m() + ";rStar=" + p.rStar() + ";r=" + p.r()
          + ";distribution=" + p.distribution() + ";scale=" + Canonical.bits(p.scale()) + ";p=" + Canonical.bits(p.p())
          + ";noise=" + Canonical.bits(p.noise()) + ";draws=" + draws;
    }

    @Override
    public String describe() {
      PlantedNmf p = params;
      return String.format(Locale.ROOT, "%s n=%d m=%d rStar=%d r=%d %s(%s) p=%s noise=%s draws=%d", PlantedNmf.FAMILY,
          p.n(), p.m(), p.rStar(), p.r(), p.distribution(), p.scale(), p.p(), p.noise(), draws);
    }

    @Override
    public void columns(ColumnValues m) {
      PlantedNmf p = params;
      m.put(Columns.FAMILY, PlantedNmf.FAMILY);
      m.put(Columns.N, p.n());
      m.put(Columns.M, p.m());
      m.put(Columns.R_STAR, p.rStar());
      m.put(Columns.R, p.r());
      m.put(Columns.DISTRIBUTION, p.distribution());
      m.put(Columns.FACTOR_SCALE, p.scale());
      m.put(Columns.P_OBSERVED, p.p());
      m.put(Columns.NOISE, p.noise());
      m.put(Columns.DRAWS, draws);
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, 0, 0);
    }
  }
}
