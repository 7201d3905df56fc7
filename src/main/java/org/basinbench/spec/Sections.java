package org.basinbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The generic reading of spec sections: each field checked against its {@link Field} (type,
 * range, unknown names with the closest valid one), defaults filled, sweeps and zip groups
 * expanded into grid combinations. Knows no family or solver.
 */
final class Sections {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Sections() {}

  /**
   * Validates a tagged section ({@code tag} selects its field list from {@code byTag}) and
   * expands its sweeps. Returns no combination when the section has a problem.
   */
  static List<Map<String, JsonNode>> sectionGrid(
      JsonNode node, String path, String tag, Map<String, List<Field>> byTag, Problems p) {
    if (!node.isObject()) {
      p.add(path, "expected an object, got " + kind(node));
      return List.of();
    }
    JsonNode tagNode = node.get(tag);
    List<String> tags = byTag.keySet().stream().sorted().toList();
    if (tagNode == null) {
      p.add(path + "." + tag, "missing required field (one of " + quoteAll(tags) + ")");
      return List.of();
    }
    if (!tagNode.isTextual() || !byTag.containsKey(tagNode.textValue())) {
      String given = tagNode.isTextual() ? "\"" + tagNode.textValue() + "\"" : kind(tagNode);
      String suggestion = tagNode.isTextual() ? Names.suggestion(tagNode.textValue(), tags) : "";
      // Families and solvers are units found on the class path: say how to add one.
      String extensions = suggestion.isEmpty() && !"kind".equals(tag) ? " (a " + ("family".equals(tag) ? "family"
          : "solver") + " of your own is loaded from a jar given with --jars or BASINBENCH_JARS; see"
          + " docs/extending.md)" : "";
      p.add(path + "." + tag, "must be one of " + quoteAll(tags) + "; got " + given + suggestion + extensions);
      return List.of();
    }
    int before = p.size();
    List<Field> fields = byTag.get(tagNode.textValue());
    List<List<String>> groups = node.has(ZIP) ? zipGroups(node.get(ZIP), path + "." + ZIP, fields, p) : List.of();
    com.fasterxml.jackson.databind.node.ObjectNode plain = ((com.fasterxml.jackson.databind.node.ObjectNode) node)
        .deepCopy();
    plain.remove(ZIP);
    Set<String> zipped = new HashSet<>();
    groups.forEach(zipped::addAll);
    Map<String, List<JsonNode>> values = readSection(plain, path, fields, p, zipped);
    if (p.size() > before) {
      return List.of();
    }
    List<List<Map<String, JsonNode>>> axes = axes(values, groups, path, p);
    if (p.size() > before) {
      return List.of();
    }
    return cartesian(axes);
  }

  /** The section key that names groups of swept fields that vary together. */
  static final String ZIP = "zip";

  /**
   * Reads a section's {@code zip}: a list of groups, each a list of two or more distinct
   * sweepable field names of the section, no field in two groups.
   */
  private static List<List<String>> zipGroups(JsonNode zip, String path, List<Field> fields, Problems p) {
    List<String> sweepable = fields.stream().filter(Field::sweepable).map(Field::name).toList();
    String shape = "a list of groups of field names, e.g. [[\"alpha\", \"epsilon\"]]";
    if (!zip.isArray() || zip.isEmpty()) {
      p.add(path, "must be " + shape + "; got " + kind(zip));
      return List.of();
    }
    List<List<String>> groups = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int g = 0; g < zip.size(); g++) {
      JsonNode group = zip.get(g);
      String gpath = path + "[" + g + "]";
      if (!group.isArray() || group.size() < 2) {
        p.add(gpath, "must be a list of at least two field names that vary together; got "
            + (group.isArray() ? "a list of " + group.size() : kind(group)));
        continue;
      }
      List<String> names = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        JsonNode v = group.get(i);
        String where = gpath + "[" + i + "]";
        if (!v.isTextual() || !sweepable.contains(v.textValue())) {
          p.add(where, "must name a sweepable field of this section (" + String.join(", ", sweepable) + "); got "
              + (v.isTextual() ? "\"" + v.textValue() + "\"" + Names.suggestion(v.textValue(), sweepable) : kind(v)));
        } else if (!seen.add(v.textValue())) {
          p.add(where, "\"" + v.textValue() + "\" is already in a zip group; a field varies with one group only");
        } else {
          names.add(v.textValue());
        }
      }
      if (names.size() == group.size()) {
        groups.add(names);
      }
    }
    return groups;
  }

  /**
   * The grid axes of a section, in field order: one axis per swept field, except that the
   * fields of a zip group form one axis whose k-th point sets each of them to its k-th value
   * (so their lists must have the same length, and no two points may repeat).
   */
  private static List<List<Map<String, JsonNode>>> axes(Map<String, List<JsonNode>> values,
      List<List<String>> groups, String path, Problems p) {
    List<List<Map<String, JsonNode>>> axes = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (Map.Entry<String, List<JsonNode>> e : values.entrySet()) {
      if (done.contains(e.getKey())) {
        continue;
      }
      List<String> group = groups.stream().filter(g -> g.contains(e.getKey())).findFirst().orElse(null);
      if (group == null) {
        List<Map<String, JsonNode>> axis = new ArrayList<>();
        for (JsonNode v : e.getValue()) {
          Map<String, JsonNode> point = new LinkedHashMap<>();
          point.put(e.getKey(), v);
          axis.add(point);
        }
        axes.add(axis);
        continue;
      }
      done.addAll(group);
      int length = -1;
      boolean ok = true;
      for (String f : group) {
        List<JsonNode> list = values.get(f);
        if (list == null) {
          p.add(path + "." + f, "is in a zip group but has no value; give it a list like the group's other fields");
          ok = false;
        } else if (length < 0) {
          length = list.size();
        } else if (list.size() != length) {
          p.add(path + "." + ZIP, "zipped fields vary together, so their lists need the same length; "
              + group.get(0) + " has " + length + " value(s), " + f + " has " + list.size());
          ok = false;
        }
      }
      if (!ok) {
        continue;
      }
      List<Map<String, JsonNode>> axis = new ArrayList<>();
      Set<String> tuples = new HashSet<>();
      for (int k = 0; k < length; k++) {
        Map<String, JsonNode> point = new LinkedHashMap<>();
        for (String f : group) {
          point.put(f, values.get(f).get(k));
        }
        if (!tuples.add(point.values().stream().map(v -> Double.toString(v.doubleValue())).toList().toString())) {
          p.add(path + "." + ZIP, "zip group " + group + " repeats the point " + point.values()
              + " at position " + k + "; identical cells would be run twice");
          ok = false;
        }
        axis.add(point);
      }
      if (ok) {
        axes.add(axis);
      }
    }
    return axes;
  }

  /**
   * Reads the fields of one object: reports unknown fields (with the closest valid name),
   * missing required fields, wrong types and out-of-range values; fills defaults. Returns,
   * per field in declaration order, its value list (one value unless swept).
   */
  static Map<String, List<JsonNode>> readSection(JsonNode node, String path, List<Field> fields, Problems p) {
    return readSection(node, path, fields, p, Set.of());
  }

  /**
   * As {@link #readSection(JsonNode, String, List, Problems)}; the lists of {@code zipped}
   * fields may repeat a value (their points are checked for repeats as tuples).
   */
  static Map<String, List<JsonNode>> readSection(JsonNode node, String path, List<Field> fields, Problems p,
      Set<String> zipped) {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    if (!node.isObject()) {
      p.add(path, "expected an object, got " + kind(node));
      return out;
    }
    List<String> names = fields.stream().map(Field::name).toList();
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String given = it.next();
      if (!names.contains(given)) {
        p.add(path + "." + given, "unknown field" + Names.suggestion(given, names) + "; allowed here: "
            + String.join(", ", names));
      }
    }
    for (Field f : fields) {
      String fpath = path + "." + f.name();
      JsonNode v = node.get(f.name());
      if (v == null || v.isNull()) {
        if (f.required()) {
          p.add(fpath, "missing required field (" + f.describe() + ")");
        } else if (f.defaultValue() != null) {
          out.put(f.name(), List.of(MAPPER.valueToTree(f.defaultValue())));
        }
        continue;
      }
      if (v.isArray() && f.type() != Field.Type.ARRAY) {
        if (!f.sweepable()) {
          p.add(fpath, "must be " + f.describe() + "; a list is not allowed here (this field cannot be swept)");
          continue;
        }
        if (v.isEmpty()) {
          p.add(fpath, "an empty list sweeps nothing: give at least one value (" + f.describe() + ")");
          continue;
        }
        List<JsonNode> list = new ArrayList<>();
        Set<Double> distinct = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
          JsonNode e = v.get(i);
          if (checkValue(f, e, fpath + "[" + i + "]", p)) {
            if (!zipped.contains(f.name()) && !distinct.add(e.doubleValue())) {
              p.add(fpath + "[" + i + "]", "repeats the value " + e + "; identical cells would be run twice");
              ok = false;
            }
            list.add(e);
          } else {
            ok = false;
          }
        }
        if (ok) {
          out.put(f.name(), list);
        }
      } else if (checkValue(f, v, fpath, p)) {
        out.put(f.name(), List.of(v));
      }
    }
    return out;
  }

  /** Type and range check of one value; records a problem and returns false when invalid. */
  private static boolean checkValue(Field f, JsonNode v, String path, Problems p) {
    switch (f.type()) {
      case INTEGER -> {
        boolean integral = v.isIntegralNumber() ? v.canConvertToLong()
            : v.isNumber() && Double.isFinite(v.doubleValue()) && v.doubleValue() == Math.rint(v.doubleValue())
                && Math.abs(v.doubleValue()) < 9.0e15;
        return checkNumber(f, v, path, integral, p);
      }
      case NUMBER -> {
        return checkNumber(f, v, path, v.isNumber() && Double.isFinite(v.doubleValue()), p);
      }
      case STRING -> {
        if (!v.isTextual()) {
          p.add(path, "must be " + f.describe() + "; got " + kind(v));
          return false;
        }
        if (!f.allowed().isEmpty() && !f.allowed().contains(v.textValue())) {
          p.add(path, "must be " + f.describe() + "; got \"" + v.textValue() + "\""
              + Names.suggestion(v.textValue(), f.allowed()));
          return false;
        }
        return true;
      }
      case BOOLEAN -> {
        if (!v.isBoolean()) {
          p.add(path, "must be true or false; got " + kind(v));
          return false;
        }
        return true;
      }
      case OBJECT -> {
        if (!v.isObject()) {
          p.add(path, "must be an object; got " + kind(v));
          return false;
        }
        return true;
      }
      case ARRAY -> {
        if (!v.isArray()) {
          p.add(path, "must be an array; got " + kind(v));
          return false;
        }
        return true;
      }
      default -> throw new IllegalStateException(f.type().toString());
    }
  }

  /** Range check of a number whose type check gave {@code typeOk}; records a problem when invalid. */
  private static boolean checkNumber(Field f, JsonNode v, String path, boolean typeOk, Problems p) {
    if (!typeOk || !f.inRange(v.doubleValue())) {
      p.add(path, "must be " + f.describe() + "; got " + (v.isTextual() ? "the string " + v : v));
      return false;
    }
    return true;
  }

  /** Cartesian product of grid axes (each a list of partial assignments), the last varying fastest. */
  static List<Map<String, JsonNode>> cartesian(List<List<Map<String, JsonNode>>> axes) {
    List<Map<String, JsonNode>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (List<Map<String, JsonNode>> axis : axes) {
      List<Map<String, JsonNode>> next = new ArrayList<>(out.size() * axis.size());
      for (Map<String, JsonNode> partial : out) {
        for (Map<String, JsonNode> point : axis) {
          Map<String, JsonNode> m = new LinkedHashMap<>(partial);
          m.putAll(point);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  static String text(Map<String, List<JsonNode>> m, String key) {
    List<JsonNode> v = m.get(key);
    return v == null ? null : v.get(0).textValue();
  }

  static String quoteAll(List<String> xs) {
    return String.join(", ", xs.stream().map(x -> "\"" + x + "\"").toList());
  }

  static String kind(JsonNode v) {
    if (v.isTextual()) {
      return "a string";
    }
    if (v.isNumber()) {
      return "the number " + v;
    }
    if (v.isBoolean()) {
      return "a boolean";
    }
    if (v.isArray()) {
      return "an array";
    }
    if (v.isObject()) {
      return "an object";
    }
    return v.getNodeType().toString().toLowerCase();
  }
}
