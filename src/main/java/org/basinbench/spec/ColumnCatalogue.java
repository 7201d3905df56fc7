package org.basinbench.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter column of a {@link Registry}'s units, in table order: per group (instance,
 * init, solver), the built-in columns of {@link Columns#BUILT_IN} in their order, then the
 * columns extensions declare, in registration order. The Spark schemas, the cells
 * aggregation, the manifest and the report read this list. Two units may share a column only
 * with the same type.
 */
public final class ColumnCatalogue implements Serializable {
  private final List<Column> columns;
  private final Map<String, Column> byName = new LinkedHashMap<>();
  private final Map<String, Integer> index = new java.util.HashMap<>();

  private final transient Registry registry;

  ColumnCatalogue(Registry registry) {
    this.registry = registry;
    List<Column> declared = new ArrayList<>(Columns.INIT_COLUMNS);
    registry.families().values().forEach(f -> declared.addAll(f.columns()));
    registry.solvers().values().forEach(s -> declared.addAll(s.columns()));
    for (Column c : declared) {
      Column previous = byName.putIfAbsent(c.name(), c);
      if (previous != null && (previous.type() != c.type() || previous.group() != c.group())) {
        throw new IllegalStateException("column \"" + c.name() + "\" is declared as " + previous.type() + " "
            + previous.group() + " and as " + c.type() + " " + c.group());
      }
    }
    List<Column> out = new ArrayList<>();
    for (Column.Group g : Column.Group.values()) {
      for (Column c : Columns.BUILT_IN) {
        if (c.group() == g) {
          out.add(c);
        }
      }
      for (Column c : byName.values()) {
        if (c.group() == g && Columns.BUILT_IN.stream().noneMatch(b -> b.name().equals(c.name()))) {
          out.add(c);
        }
      }
    }
    columns = List.copyOf(out);
    for (int i = 0; i < columns.size(); i++) {
      index.put(columns.get(i).name(), i);
    }
  }

  /** Every column, in table order. */
  public List<Column> columns() {
    return columns;
  }

  /** The columns of one group, in table order. */
  public List<Column> group(Column.Group g) {
    return columns.stream().filter(c -> c.group() == g).toList();
  }

  /**
   * A cell's parameter values in table order: its instance's, init's and solver's columns,
   * each checked against the columns its unit declares.
   */
  public Object[] values(Cell cell) {
    ColumnValues all = new ColumnValues();
    InstanceSpec inst = cell.instance();
    FamilyUnit family = registry.families().get(inst.family());
    ColumnValues iv = new ColumnValues("family \"" + inst.family() + "\"", family == null ? java.util.Set.of()
        : java.util.Set.copyOf(family.columns()));
    inst.columns(iv);
    ColumnValues init = new ColumnValues("init", java.util.Set.copyOf(Columns.INIT_COLUMNS));
    Columns.init(init, cell.init());
    SolverUnit solver = registry.solvers().get(cell.solver().name());
    ColumnValues sv = new ColumnValues("solver \"" + cell.solver().name() + "\"", solver == null
        ? java.util.Set.of() : java.util.Set.copyOf(solver.columns()));
    cell.solver().columns(sv);
    return values(all.putAll(iv).putAll(init).putAll(sv));
  }

  /** An instance's parameter values, in the order of {@link #group group(INSTANCE)}. */
  public Object[] instanceValues(InstanceSpec inst) {
    ColumnValues v = new ColumnValues();
    inst.columns(v);
    Object[] all = values(v);
    return java.util.Arrays.copyOf(all, group(Column.Group.INSTANCE).size());
  }

  /**
   * A cell's values in table order: the instance's, the init's and the solver's, null where a
   * column does not apply.
   *
   * @throws IllegalStateException when a value's column is not in the catalogue
   */
  public Object[] values(ColumnValues v) {
    Object[] out = new Object[columns.size()];
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<Column, Object> e : v.asMap().entrySet()) {
      Integer i = index.get(e.getKey().name());
      if (i == null) {
        unknown.add(e.getKey().name());
      } else {
        out[i] = e.getValue();
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("columns without a catalogue entry: " + unknown);
    }
    return out;
  }
}
