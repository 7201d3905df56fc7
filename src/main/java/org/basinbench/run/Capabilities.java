package org.basinbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.basinbench.instance.Problem;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.objective.StochasticObjective;
import org.basinbench.objective.SymmetricSensingLoss;
import org.basinbench.spec.Capability;
import org.basinbench.spec.InstanceSpec;

/**
 * The capabilities a built problem actually has, and the check that they are the ones its
 * instance declared: the validator admitted solvers on the declared set, and the solvers rely
 * on it (a family that declares ENTRYWISE must build a {@link MaskedFactorLoss}).
 */
public final class Capabilities {
  private Capabilities() {}

  /** What {@code p} offers, read from the problem itself. */
  public static Set<Capability> of(Problem p) {
    Set<Capability> s = java.util.EnumSet.noneOf(Capability.class);
    if (p.nonnegative()) {
      s.add(Capability.NONNEGATIVE);
    }
    if (p.smooth()) {
      s.add(Capability.SMOOTH);
    }
    if (p.hasTruth()) {
      s.add(Capability.TRUTH);
    }
    if (!p.spuriousPoints().isEmpty()) {
      s.add(Capability.SPURIOUS_POINT);
    }
    if (p.objective() instanceof StochasticObjective) {
      s.add(Capability.STOCHASTIC);
    }
    if (p.objective() instanceof MaskedFactorLoss) {
      s.add(Capability.ENTRYWISE);
    }
    if (p.objective() instanceof SymmetricSensingLoss && p.nonnegative()) {
      s.add(Capability.SYMMETRIC_SENSING);
    }
    if (p.objective().blockStarts().length > 1) {
      s.add(Capability.FACTORED);
    }
    return s;
  }

  /**
   * @throws IllegalStateException when the problem's capabilities differ from the declared ones
   *     (a bug of the family, named in the message)
   */
  public static void check(InstanceSpec instance, Problem p) {
    Set<Capability> actual = of(p);
    Set<Capability> declared = instance.capabilities();
    if (!actual.equals(declared)) {
      List<Capability> missing = new ArrayList<>(declared);
      missing.removeAll(actual);
      List<Capability> undeclared = new ArrayList<>(actual);
      undeclared.removeAll(declared);
      throw new IllegalStateException("family \"" + instance.family() + "\": " + instance.describe()
          + " declares capabilities its problem does not have " + missing + ", or lacks ones it has " + undeclared);
    }
  }
}
