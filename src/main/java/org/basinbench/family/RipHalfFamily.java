package org.basinbench.family;

import static org.basinbench.spec.Capability.SMOOTH;
import static org.basinbench.spec.Capability.SPURIOUS_POINT;
import static org.basinbench.spec.Capability.STOCHASTIC;
import static org.basinbench.spec.Capability.TRUTH;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.basinbench.instance.Problem;
import org.basinbench.instance.RipHalf;
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
 * {@code rip-half}: the NeurIPS 2018 rank-1 instance ({@link RipHalf}): unconstrained, n = 2,
 * delta = 1/2 after scaling, with the degenerate critical point x_bad = (0, 1/sqrt 2).
 */
public final class RipHalfFamily extends AbstractFamilyUnit {
  private static final List<Column> COLUMNS = List.of(Columns.FAMILY, Columns.VARIANT, Columns.OPERATOR, Columns.N,
      Columns.R_STAR, Columns.R, Columns.DELTA);

  public RipHalfFamily() {
    super(RipHalf.FAMILY, "Zhang, Josz, Sojoudi and Lavaei (2018): a rank-1 problem in R^2 with RIP delta = 1/2 and a degenerate"
        + " critical point x_bad",
        List.of(), COLUMNS);
  }

  @Override
  public Bound bind(Values values, BindContext context) {
    return Bound.of(new Spec());
  }

  /** The instance (it has no parameters). */
  public record Spec() implements InstanceSpec {
    /** Three measurements of a 2 x 2 matrix: a few dozen operations. */
    @Override
    public double flopsPerIteration() {
      return 40;
    }

    @Override
    public String family() {
      return RipHalf.FAMILY;
    }

    @Override
    public String canonicalKey() {
      return RipHalf.FAMILY;
    }

    @Override
    public String describe() {
      return RipHalf.FAMILY + " n=2 r=1 (delta=0.5 after scaling)";
    }

    @Override
    public Set<Capability> capabilities() {
      return EnumSet.of(SMOOTH, TRUTH, SPURIOUS_POINT, STOCHASTIC);
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return RipHalf.problem();
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(RipHalf.DELTA, true, 0, 2);
    }

    @Override
    public void columns(ColumnValues m) {
      m.put(Columns.FAMILY, RipHalf.FAMILY);
      m.put(Columns.VARIANT, "symmetric");
      m.put(Columns.OPERATOR, "rip-half");
      m.put(Columns.N, RipHalf.N);
      m.put(Columns.R_STAR, 1);
      m.put(Columns.R, 1);
      m.put(Columns.DELTA, RipHalf.DELTA);
    }
  }
}
