package org.basinbench.spec;

import java.util.List;

/**
 * A {@link FamilyUnit} whose name, summary, fields and columns are fixed when it is made: a
 * family then writes only its rules and its binding.
 */
public abstract class AbstractFamilyUnit extends AbstractUnit implements FamilyUnit {
  protected AbstractFamilyUnit(String name, String summary, List<Field> fields, List<Column> columns) {
    super(name, summary, fields, columns);
  }
}
