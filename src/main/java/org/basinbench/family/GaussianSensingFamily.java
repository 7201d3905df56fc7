package org.basinbench.family;

import static org.basinbench.spec.Capability.NONNEGATIVE;
import static org.basinbench.spec.Capability.SMOOTH;
import static org.basinbench.spec.Capability.STOCHASTIC;
import static org.basinbench.spec.Capability.SYMMETRIC_SENSING;
import static org.basinbench.spec.Capability.TRUTH;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.basinbench.instance.GaussianSensing;
import org.basinbench.landscape.Certificates;
import org.basinbench.spec.BindContext;
import org.basinbench.spec.Bound;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.AbstractFamilyUnit;
import org.basinbench.spec.Field;
import org.basinbench.spec.Values;

/** {@code gaussian-sensing}: Gaussian sensing with a nonnegative truth ({@link GaussianSensing}), {@code draws} instances. */
public final class GaussianSensingFamily extends AbstractFamilyUnit {
  private static final List<Field> FIELDS = SensingFamilies.fields(List.of());
  private static final List<Column> COLUMNS = SensingFamilies.columns(List.of());

  public GaussianSensingFamily() {
    super(GaussianSensing.FAMILY, "symmetric sensing with a nonnegative truth and m Gaussian measurements (the realistic RIP case)",
        FIELDS, COLUMNS);
  }

  @Override
  public Bound bind(Values c, BindContext context) {
    String why = SensingFamilies.problem(c);
    if (why == null) {
      why = SensingFamilies.sizeProblem(c);
    }
    return why != null ? Bound.invalid(why) : Bound.of(new Spec(new GaussianSensing(c.integer("n"),
        c.integer("rStar"), c.integer("r"), c.integer("m")), c.integer("draws")));
  }

  /** One grid point: the sensing problem's sizes and how many operators are drawn. */
  public record Spec(GaussianSensing params, int draws) implements Drawn {
    @Override
    public double flopsPerIteration() {
      return SensingFamilies.flops(params.n(), params.r(), params.m());
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(NONNEGATIVE, SMOOTH, TRUTH, STOCHASTIC, SYMMETRIC_SENSING);
    }

    @Override
    public String family() {
      return GaussianSensing.FAMILY;
    }

    @Override
    public String canonicalKey() {
      GaussianSensing g = params;
      return SensingFamilies.key(GaussianSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m()) + ";draws=" + draws;
    }

    @Override
    public String describe() {
      GaussianSensing g = params;
      return SensingFamilies.describe(GaussianSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m()) + " draws=" + draws;
    }

    @Override
    public void columns(ColumnValues m) {
      GaussianSensing g = params;
      SensingFamilies.columns(m, GaussianSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m());
      m.put(Columns.DRAWS, draws);
    }

    @Override
    public Certificates.Delta ripDelta() {
      return SensingFamilies.sampledDelta(params.r(), params.rStar());
    }
  }
}
