package org.basinbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * The ordering, grouping and naming the views share over collected rows of the cells (or
 * curvature) table: which cell-parameter columns vary, their distinct values in order, rows
 * grouped into one series per label, and the labels and numbers as the figures print them.
 */
final class CellRows {
  /** Numbers in numeric order, anything else by its text. */
  private static final Comparator<Object> ORDER = (a, b) -> a instanceof Number x && b instanceof Number y
      ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b));

  private CellRows() {}

  /** The first {@code max} of {@code cells} in {@code cell_index} order (all of them when fewer). */
  static List<Row> firstByIndex(List<Row> cells, int max) {
    List<Row> rows = new ArrayList<>(cells);
    rows.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Schema.CELL_INDEX)));
    return rows.size() > max ? rows.subList(0, max) : rows;
  }

  /** {@code keys} with the solver first: a line's name says which solver drew it. */
  static List<String> withSolver(List<String> keys) {
    List<String> k = new ArrayList<>(keys);
    if (!k.contains(Columns.SOLVER_NAME.name())) {
      k.add(0, Columns.SOLVER_NAME.name());
    }
    return k;
  }

  /** Cell-parameter columns of {@code rows} that take more than one value, minus {@code exclude}. */
  static List<String> varying(List<Row> rows, Set<String> exclude) {
    List<String> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    Set<String> present = Set.of(rows.get(0).schema().fieldNames());
    for (StructField f : Schema.CELL_FIELDS) {
      String name = f.name();
      if (name.equals(Schema.CELL_ID) || name.equals(Schema.CELL_INDEX) || exclude.contains(name)
          || !present.contains(name)) {
        continue;
      }
      if (distinct(rows, name).size() > 1) {
        out.add(name);
      }
    }
    return out;
  }

  /** The non-null values of {@code column}, in order. */
  static Set<Object> distinct(List<Row> rows, String column) {
    Set<Object> s = new TreeSet<>(ORDER);
    for (Row r : rows) {
      Object v = r.getAs(column);
      if (v != null) {
        s.add(v);
      }
    }
    return s;
  }

  /** Rows grouped by their label over {@code keys}, in order of first appearance. */
  static Map<String, List<Row>> group(List<Row> rows, List<String> keys) {
    Map<String, List<Row>> g = new LinkedHashMap<>();
    for (Row r : rows) {
      g.computeIfAbsent(keys.isEmpty() ? "all cells" : label(r, keys), k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  /** "pgd step=0.05 variant=symmetric": the values of {@code keys}, names left out for solver and segment. */
  static String label(Row r, List<String> keys) {
    Set<String> parts = new LinkedHashSet<>();
    for (String k : keys) {
      Object v = r.getAs(k);
      parts.add(k.equals(Columns.SOLVER_NAME.name()) || k.equals(Schema.SEGMENT) ? fmt(v) : k + "=" + fmt(v));
    }
    return String.join(" ", parts);
  }

  /** {@code v} for a label: a double to 4 significant digits without trailing zeros, null as "-". */
  static String fmt(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
          .replaceAll("\\.$", "");
    }
    return v.toString();
  }

  /** Null-safe equality of two column values. */
  static boolean eq(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }
}
