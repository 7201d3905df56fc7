package org.basinbench.spec;

/** Where a unit reports problems of its section: a field name (relative to the section) and why. */
public interface Issues {
  /**
   * Records a problem.
   *
   * @param field the field of the section, e.g. "alpha" (null: the section itself)
   * @param message what is wrong and what is allowed
   */
  void add(String field, String message);
}
