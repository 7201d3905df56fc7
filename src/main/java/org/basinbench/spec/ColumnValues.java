package org.basinbench.spec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The parameter values of one cell, keyed by typed column: what an instance, an init and a
 * solver report of themselves. {@link #put} checks the type, and that the column is one the
 * reporting unit declared (when the declared set is given), so that a unit that fills a column
 * it did not declare fails at once, in the tests that build every unit's examples.
 */
public final class ColumnValues {
  private final Map<Column, Object> values = new LinkedHashMap<>();
  private final Set<Column> declared;
  private final String owner;

  /** Values checked against the columns {@code owner} declares. */
  public ColumnValues(String owner, Set<Column> declared) {
    this.owner = owner;
    this.declared = declared;
  }

  /** Values of any column (checked against the catalogue later). */
  public ColumnValues() {
    this(null, null);
  }

  /**
   * Sets a column (null: the column does not apply to this cell, written as null).
   *
   * @throws IllegalArgumentException on a value of the wrong type, a column set twice, or a
   *     column the owner did not declare
   */
  public ColumnValues put(Column c, Object value) {
    if (value != null && !c.type().accepts(value)) {
      throw new IllegalArgumentException("column " + c.name() + " holds " + c.type() + ", got "
          + value.getClass().getSimpleName() + " " + value);
    }
    if (declared != null && !declared.contains(c)) {
      throw new IllegalArgumentException(owner + " fills column " + c.name() + ", which it does not declare");
    }
    if (values.containsKey(c)) {
      throw new IllegalArgumentException("column " + c.name() + " set twice");
    }
    values.put(c, value);
    return this;
  }

  /** Copies every value of {@code other} in. */
  public ColumnValues putAll(ColumnValues other) {
    other.values.forEach(this::put);
    return this;
  }

  /** The values set, in the order set. */
  public Map<Column, Object> asMap() {
    return java.util.Collections.unmodifiableMap(values);
  }

  /** The value of a column (null when unset or null). */
  public Object get(Column c) {
    return values.get(c);
  }
}
