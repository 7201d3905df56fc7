package org.basinbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one section of a spec as a unit reads them: one grid combination (every field
 * validated against its {@link Field}, defaults filled, one value each), or, for
 * {@link FamilyUnit#checkPresence}, the section as written (where a swept field holds a list).
 */
public final class Values {
  private final Map<String, JsonNode> fields;

  Values(Map<String, JsonNode> fields) {
    this.fields = fields;
  }

  /** The section as written, before sweeps are expanded. */
  static Values raw(JsonNode object) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      m.put(e.getKey(), e.getValue());
    }
    return new Values(m);
  }

  /** Whether the field is present (given, or filled from its default). */
  public boolean has(String field) {
    JsonNode v = fields.get(field);
    return v != null && !v.isNull();
  }

  /** An integer field's value. */
  public int integer(String field) {
    return required(field).intValue();
  }

  /** A number field's value, NaN when absent. */
  public double number(String field) {
    return has(field) ? fields.get(field).doubleValue() : Double.NaN;
  }

  /** A string field's value, null when absent or not a string. */
  public String text(String field) {
    return has(field) ? fields.get(field).textValue() : null;
  }

  /** A boolean field's value. */
  public boolean bool(String field) {
    return required(field).booleanValue();
  }

  /** The value as written in the spec (for messages), null when absent. */
  public String literal(String field) {
    JsonNode v = fields.get(field);
    return v == null ? null : v.toString();
  }

  private JsonNode required(String field) {
    JsonNode v = fields.get(field);
    if (v == null) {
      throw new IllegalStateException("field " + field + " has no value; declare it with a default or required");
    }
    return v;
  }
}
