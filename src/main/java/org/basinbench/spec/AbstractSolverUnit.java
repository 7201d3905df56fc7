package org.basinbench.spec;

import java.util.List;

/**
 * A {@link SolverUnit} whose name, summary, fields and columns are fixed when it is made: a
 * solver then writes only its binding.
 */
public abstract class AbstractSolverUnit extends AbstractUnit implements SolverUnit {
  protected AbstractSolverUnit(String name, String summary, List<Field> fields, List<Column> columns) {
    super(name, summary, fields, columns);
  }
}
