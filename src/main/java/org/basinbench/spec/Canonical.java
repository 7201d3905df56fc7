package org.basinbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import org.basinbench.rng.InitDistribution;

/** Canonical forms: bit-exact parameter strings for seeds, and sorted JSON for spec hashes. */
public final class Canonical {
  private Canonical() {}

  /**
   * A double as the hex of its IEEE-754 bits: exact, and the same on every JVM (unlike
   * {@link Double#toString}, whose output changed in JDK 19 for some values).
   */
  public static String bits(double v) {
    return Long.toHexString(Double.doubleToLongBits(v));
  }

  /** Canonical key of a starting-point distribution. */
  static String initKey(InitDistribution init) {
    String key = init.kind() + ";p=" + bits(init.parameter());
    if (init instanceof InitDistribution.Interpolate in) {
      return key + ";point=" + in.point() + ";gamma=" + bits(in.gamma());
    }
    return init instanceof InitDistribution.Near near ? key + ";point=" + near.point() : key;
  }

  /** A copy of {@code node} with object keys sorted recursively. */
  static JsonNode sorted(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      List<String> keys = new ArrayList<>();
      node.fieldNames().forEachRemaining(keys::add);
      Collections.sort(keys);
      for (String k : keys) {
        out.set(k, sorted(node.get(k)));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(sorted(e)));
      return out;
    }
    return node;
  }

  /** Hex SHA-256 of a string's UTF-8 bytes. */
  public static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
