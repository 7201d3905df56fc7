package org.basinbench.spec;

import java.util.List;

/** What a family and a solver unit both state of themselves: the tag, a summary, the spec fields, the columns. */
public interface Unit {

  /** The section's tag: {@code instance.family} or {@code solvers[].name}. */
  String name();

  /** One line for listings and the docs. */
  String summary();

  /** The section's fields besides its tag, in the order the docs list them. */
  List<Field> fields();

  /** The columns the unit's cells fill (every one, whether or not null in a given cell). */
  List<Column> columns();
}
