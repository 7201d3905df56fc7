package org.basinbench.spec;

/**
 * The outcome of binding one grid combination of an instance section: an instance; or the
 * field and reason that rule the combination out (a sweep skips it with a note, a scalar spec
 * reports it); or neither, when the unit already recorded a problem of the whole section
 * (say, an unreadable data file) through {@link BindContext#issues()}.
 *
 * @param instance the bound instance, or null
 * @param field the field the problem is reported at (null: the section)
 * @param problem why the combination is invalid, or null
 */
public record Bound(InstanceSpec instance, String field, String problem) {
  /** A valid combination. */
  public static Bound of(InstanceSpec instance) {
    return new Bound(instance, null, null);
  }

  /** An invalid combination, reported at the section. */
  public static Bound invalid(String problem) {
    return new Bound(null, null, problem);
  }

  /** An invalid combination, reported at a field. */
  public static Bound invalid(String field, String problem) {
    return new Bound(null, field, problem);
  }

  /** A section problem already recorded: nothing to bind. */
  public static Bound recorded() {
    return new Bound(null, null, null);
  }
}
