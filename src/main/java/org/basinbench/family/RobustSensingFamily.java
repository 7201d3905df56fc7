package org.basinbench.family;

import static org.basinbench.spec.Capability.NONNEGATIVE;
import static org.basinbench.spec.Capability.TRUTH;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.basinbench.instance.RobustSensing;
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
 * {@code robust-sensing}: robust l1 sensing with outliers ({@link RobustSensing}), {@code draws}
 * instances (Ma and Fattahi). The loss is nonsmooth: only the subgradient method applies.
 */
public final class RobustSensingFamily extends AbstractFamilyUnit {
  private static final List<Field> FIELDS = SensingFamilies.fields(List.of(
      new Field("p", Field.Type.NUMBER, false, 0.0, 0, false, Double.NaN, List.of(), true),
      Field.number("outlierScale", false, 10.0, 0, true, Double.NaN, true)));
  private static final List<Column> COLUMNS = SensingFamilies.columns(List.of(Columns.P_OUTLIER,
      Columns.OUTLIER_SCALE));

  public RobustSensingFamily() {
    super(RobustSensing.FAMILY, "l1 sensing with a fraction p of outliers (Ma and Fattahi): a nonsmooth loss, the truth a strict saddle",
        FIELDS, COLUMNS);
  }

  @Override
  public Bound bind(Values c, BindContext context) {
    String why = SensingFamilies.problem(c);
    if (why == null && !(c.number("p") < 1)) {
      why = "p (the outlier fraction) must be < 1: some measurements must be clean; got p=" + c.literal("p");
    }
    if (why == null) {
      why = SensingFamilies.sizeProblem(c);
    }
    return why != null ? Bound.invalid(why) : Bound.of(new Spec(new RobustSensing(c.integer("n"), c.integer("rStar"),
        c.integer("r"), c.integer("m"), c.number("p"), c.number("outlierScale")), c.integer("draws")));
  }

  /** One grid point: the sensing problem, its outliers, and how many instances are drawn. */
  public record Spec(RobustSensing params, int draws) implements Drawn {
    @Override
    public double flopsPerIteration() {
      return SensingFamilies.flops(params.n(), params.r(), params.m());
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(NONNEGATIVE, TRUTH);
    }

    @Override
    public String family() {
      return RobustSensing.FAMILY;
    }

    @Override
    public String canonicalKey() {
      RobustSensing g = params;
      return SensingFamilies.key(RobustSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m()) + ";p=" + Canonical.bits(g.p())
          + ";outlierScale=" + Canonical.bits(g.outlierScale()) + ";draws=" + draws;
    }

    @Override
    public String describe() {
      RobustSensing g = params;
      return SensingFamilies.describe(RobustSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m()) + " p=" + g.p()
          + " outlierScale=" + g.outlierScale() + " draws=" + draws;
    }

    @Override
    public void columns(ColumnValues m) {
      RobustSensing g = params;
      SensingFamilies.columns(m, RobustSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m());
      m.put(Columns.P_OUTLIER, g.p());
      m.put(Columns.OUTLIER_SCALE, g.outlierScale());
      m.put(Columns.DRAWS, draws);
    }

    @Override
    public Certificates.Delta ripDelta() {
      return SensingFamilies.sampledDelta(params.r(), params.rStar());
    }
  }
}
