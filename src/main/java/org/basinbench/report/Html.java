package org.basinbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Escaping for the two contexts the report writes strings from specs and tables into: HTML
 * text and attributes, and JSON inlined in a {@code <script>} element.
 */
public final class Html {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Html() {}

  /** {@code s} as HTML text or a quoted attribute value: {@code & < > " '} become entities. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * {@code node} as JSON that is safe inside a {@code <script>} element: no {@code </script>},
   * no {@code <!--}, no character that ends a line in older JavaScript. The characters
   * {@code < > &} and U+2028, U+2029 can only occur inside JSON strings, where
   * {@code \}{@code uXXXX} escapes denote the same characters, so the value is unchanged.
   */
  public static String scriptJson(JsonNode node) {
    String s;
    try {
      s = JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
    StringBuilder b = new StringBuilder(s.length() + 64);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> b.append("\\u003c");
        case '>' -> b.append("\\u003e");
        case '&' -> b.append("\\u0026");
        case '\u2028' -> b.append("\\u2028");
        case '\u2029' -> b.append("\\u2029");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
