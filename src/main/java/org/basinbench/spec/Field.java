package org.basinbench.spec;

import java.util.List;

/**
 * One field of a spec section: its JSON type, whether it is required, its default, its
 * allowed range and whether a list of values sweeps it (grid axis).
 *
 * @param name JSON field name
 * @param type value type
 * @param required whether the field must be present
 * @param defaultValue value used when absent (null: no default)
 * @param min lower bound (numbers), NaN for none
 * @param minOpen whether {@code min} itself is excluded
 * @param max upper bound (numbers), NaN for none
 * @param allowed allowed string values (empty: any)
 * @param sweepable whether a JSON array of values makes this field a grid axis
 */
public record Field(
    String name,
    Type type,
    boolean required,
    Object defaultValue,
    double min,
    boolean minOpen,
    double max,
    List<String> allowed,
    boolean sweepable) {

  public enum Type {
    INTEGER("an integer"),
    NUMBER("a number"),
    STRING("a string"),
    BOOLEAN("true or false"),
    OBJECT("an object"),
    ARRAY("an array");

    final String article;

    Type(String article) {
      this.article = article;
    }
  }

  public static Field integer(String name, boolean required, Long dflt, long min, long max, boolean sweepable) {
    return new Field(name, Type.INTEGER, required, dflt, min, false, max, List.of(), sweepable);
  }

  /** A number in (min, max] when {@code minOpen}, else [min, max]; NaN max for no upper bound. */
  public static Field number(String name, boolean required, Double dflt, double min, boolean minOpen, double max,
      boolean sweepable) {
    return new Field(name, Type.NUMBER, required, dflt, min, minOpen, max, List.of(), sweepable);
  }

  public static Field string(String name, boolean required, String dflt, List<String> allowed) {
    return new Field(name, Type.STRING, required, dflt, Double.NaN, false, Double.NaN, allowed, false);
  }

  public static Field bool(String name, boolean dflt) {
    return new Field(name, Type.BOOLEAN, false, dflt, Double.NaN, false, Double.NaN, List.of(), false);
  }

  public static Field object(String name, boolean required) {
    return new Field(name, Type.OBJECT, required, null, Double.NaN, false, Double.NaN, List.of(), false);
  }

  public static Field array(String name, boolean required) {
    return new Field(name, Type.ARRAY, required, null, Double.NaN, false, Double.NaN, List.of(), false);
  }

  /** Human-readable allowed range, e.g. "a number > 0" or "an integer in [1, 100000000]". */
  public String describe() {
    String base = type.article;
    if (type == Type.STRING && !allowed.isEmpty()) {
      return "one of " + String.join(", ", allowed.stream().map(s -> "\"" + s + "\"").toList());
    }
    if (type != Type.INTEGER && type != Type.NUMBER) {
      return base;
    }
    boolean hasMin = !Double.isNaN(min);
    boolean hasMax = !Double.isNaN(max);
    if (hasMin && hasMax) {
      return base + " in " + (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + "]";
    }
    if (hasMin) {
      return base + (minOpen ? " > " : " >= ") + fmt(min);
    }
    if (hasMax) {
      return base + " <= " + fmt(max);
    }
    return base;
  }

  public boolean inRange(double v) {
    if (!Double.isNaN(min) && (minOpen ? v <= min : v < min)) {
      return false;
    }
    return Double.isNaN(max) || v <= max;
  }

  public static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }
}
