package org.basinbench.spec;

import java.util.List;

/** A {@link Unit} whose name, summary, fields and columns are fixed when it is made. */
abstract class AbstractUnit implements Unit {
  private final String name;
  private final String summary;
  private final List<Field> fields;
  private final List<Column> columns;

  AbstractUnit(String name, String summary, List<Field> fields, List<Column> columns) {
    this.name = name;
    this.summary = summary;
    this.fields = List.copyOf(fields);
    this.columns = List.copyOf(columns);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String summary() {
    return summary;
  }

  @Override
  public final List<Field> fields() {
    return fields;
  }

  @Override
  public final List<Column> columns() {
    return columns;
  }
}
