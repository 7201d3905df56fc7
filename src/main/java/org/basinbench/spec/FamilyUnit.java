package org.basinbench.spec;


/**
 * A problem family as one unit: its spec fields, its cross-field rules, its binding to an
 * {@link InstanceSpec}, and the columns its instances fill. The generic parser does the rest
 * (types and ranges, sweeps, zip groups, cells, seeds, hashing).
 *
 * <p>To add a family: write its problem class (an {@code org.basinbench.instance.Problem}), its
 * {@link InstanceSpec} record and this unit, and register the unit with one line in
 * {@code META-INF/services/org.basinbench.spec.FamilyUnit} (see {@link Registry}); in a jar of
 * your own, no file of BasinBench changes. See {@code docs/extending.md}.
 */
public interface FamilyUnit extends Unit {
  /**
   * Rules on which fields are present, checked once on the section as written (lists not yet
   * expanded), e.g. "operator theorem2 needs alpha". Reports through {@code issues}.
   */
  default void checkPresence(Values section, Issues issues) {}

  /**
   * Binds one validated grid combination: checks the cross-field rules (say {@code r + rStar
   * <= n}) and returns the instance, or why the combination is invalid.
   */
  Bound bind(Values values, BindContext context);
}
