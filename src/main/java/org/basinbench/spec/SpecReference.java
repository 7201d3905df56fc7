package org.basinbench.spec;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The reference tables of the spec language and of the tables' parameter columns, as Markdown,
 * generated from the same field tables the validator checks and the JSON Schema lists
 * ({@link SpecParser}, the registry's units) and from the column catalogue, so that the docs
 * cannot drift from the code. Committed as {@link #FILE}; a test checks it is current.
 */
public final class SpecReference {
  /** Where the generated reference is committed, relative to the project root. */
  public static final String FILE = "docs/reference.md";

  private SpecReference() {}

  /** The reference, as Markdown with a trailing newline. */
  public static String generate() {
    Registry registry = Registry.get();
    StringBuilder b = new StringBuilder();
    b.append("# Spec and column reference\n\n");
    b.append("<!-- Generated from the validator's field tables and the column catalogue by\n");
    b.append("     org.basinbench.spec.SpecReference; do not edit by hand: run\n");
    b.append("     'bin/basinbench schema --reference > docs/reference.md' (a test checks it is current). -->\n\n");
    b.append("Every field the validator accepts, with its type, range and default, and every parameter column of\n");
    b.append("the tables. A field marked *sweep* may be given as a list of values (a grid axis, see\n");
    b.append("[the spec language](spec.md)). Cross-field rules (say `r + rStar <= n`) are the validator's and\n");
    b.append("are described with each family in [families.md](families.md).\n\n");
    b.append("Contents: [experiment](#experiment) · [families](#families) · [init](#init) · [solvers](#solvers) ·"
        + " [columns](#columns)\n\n");
    b.append("## experiment\n\n");
    b.append(table(SpecParser.TOP.stream().filter(f -> !f.name().equals(SpecParser.SCHEMA_KEY)).toList()));
    section(b, "adaptive", SpecParser.ADAPTIVE);
    section(b, "certificates", SpecParser.CERTIFICATES);
    section(b, "success", SpecParser.SUCCESS);
    b.append("### statistics\n\n| field | value |\n|---|---|\n| `segments` | a list of distinct segment kinds: ")
        .append(SegmentKind.labels().stream().map(s -> "`" + s + "`").collect(Collectors.joining(", ")))
        .append(" |\n\n");
    b.append("## families\n\n");
    for (FamilyUnit f : registry.families().values()) {
      b.append("### ").append(f.name()).append("\n\n").append(f.summary()).append(".\n\n");
      b.append(f.fields().isEmpty() ? "No fields besides `family`.\n\n" : table(f.fields()));
      b.append("Columns: ").append(columnList(f.columns())).append(".\n\n");
    }
    b.append("## init\n\n");
    for (Map.Entry<String, List<Field>> e : SpecParser.INITS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      section(b, e.getKey(), e.getValue().subList(1, e.getValue().size()));
    }
    b.append("## solvers\n\n");
    for (SolverUnit s : registry.solvers().values()) {
      b.append("### ").append(s.name()).append("\n\n").append(s.summary()).append(".\n\n");
      b.append(s.fields().isEmpty() ? "No fields besides `name`.\n\n" : table(s.fields()));
      b.append("Columns: ").append(columnList(s.columns())).append(".\n\n");
    }
    b.append("## columns\n\n");
    b.append("The parameter columns of every table, in table order (after `cell_id` and `cell_index`); null where\n");
    b.append("a column does not apply to a cell. See [tables.md](tables.md) for the measurement columns.\n\n");
    b.append("| column | type | part | meaning | filled by |\n|---|---|---|---|---|\n");
    for (Column c : registry.catalogue().columns()) {
      b.append("| `").append(c.name()).append("` | ").append(c.type().name().toLowerCase()).append(" | ")
          .append(c.group().name().toLowerCase()).append(" | ").append(c.description()).append(" | ")
          .append(fillers(registry, c)).append(" |\n");
    }
    return b.toString();
  }

  private static void section(StringBuilder b, String name, List<Field> fields) {
    b.append("### ").append(name).append("\n\n").append(fields.isEmpty() ? "No fields.\n\n" : table(fields));
  }

  private static String table(List<Field> fields) {
    StringBuilder b = new StringBuilder("| field | required | allowed | default | sweep |\n|---|---|---|---|---|\n");
    for (Field f : fields) {
      b.append("| `").append(f.name()).append("` | ").append(f.required() ? "yes" : "").append(" | ")
          .append(f.describe()).append(" | ").append(f.defaultValue() == null ? "" : "`" + dflt(f) + "`")
          .append(" | ").append(f.sweepable() ? "sweep" : "").append(" |\n");
    }
    return b.append('\n').toString();
  }

  private static String dflt(Field f) {
    Object v = f.defaultValue();
    if (v instanceof Double d) {
      return Field.fmt(d);
    }
    return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
  }

  private static String columnList(List<Column> columns) {
    return columns.stream().map(c -> "`" + c.name() + "`").collect(Collectors.joining(", "));
  }

  private static String fillers(Registry registry, Column c) {
    if (Columns.INIT_COLUMNS.contains(c)) {
      return "every init";
    }
    List<String> names = new java.util.ArrayList<>();
    registry.families().values().stream().filter(f -> f.columns().contains(c)).forEach(f -> names.add(f.name()));
    registry.solvers().values().stream().filter(s -> s.columns().contains(c)).forEach(s -> names.add(s.name()));
    return String.join(", ", names);
  }
}
