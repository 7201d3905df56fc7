package org.basinbench.spec;

import java.io.Serializable;

/**
 * One typed parameter column of the output tables. The units that own a column declare it
 * ({@link FamilyUnit#columns()}, {@link SolverUnit#columns()}); the {@link ColumnCatalogue}
 * collects them, and the Spark schemas, the cells aggregation, the manifest and the report read
 * the catalogue. Built-in columns live in {@link Columns}; an extension declares its own with
 * {@link #of}.
 *
 * @param name the column name (snake_case; not a reserved word of DuckDB's SQL)
 * @param type the value type
 * @param group which part of a cell the column describes
 * @param description one line for the docs
 */
public record Column(String name, Type type, Group group, String description) implements Serializable {

  /** The value types of parameter columns. */
  public enum Type {
    INT(Integer.class),
    DOUBLE(Double.class),
    STRING(String.class);

    private final Class<?> javaType;

    Type(Class<?> javaType) {
      this.javaType = javaType;
    }

    /** Whether {@code v} (non-null) is a value of this type. */
    public boolean accepts(Object v) {
      return javaType.isInstance(v);
    }
  }

  /** The part of a cell a column describes, in table order. */
  public enum Group {
    INSTANCE,
    INIT,
    SOLVER
  }

  public Column {
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("column names are snake_case: " + name);
    }
  }

  /** A column of an extension's unit. */
  public static Column of(String name, Type type, Group group, String description) {
    return new Column(name, type, group, description);
  }
}
