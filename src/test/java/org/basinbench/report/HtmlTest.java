package org.basinbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class HtmlTest {
  static final String HOSTILE = "<img src=x onerror=alert(1)> \"q\" 'a' & </script><!-- \u2028\u2029";

  @Test
  void escapesMarkupAndQuotes() {
    assertEquals("&lt;img src=x onerror=alert(1)&gt; &quot;q&quot; &#39;a&#39; &amp; &lt;/script&gt;&lt;!-- "
        + "\u2028\u2029", Html.escape(HOSTILE));
    assertEquals("", Html.escape(null));
  }

  @Test
  void scriptJsonHasNoTagOrLineBreakAndParsesBackToTheSameValue() throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode n = m.createObjectNode();
    n.put("description", HOSTILE);
    n.putArray("list").add(HOSTILE).add(1.5);
    String s = Html.scriptJson(n);
    for (String bad : new String[] {"<", ">", "&", "\u2028", "\u2029"}) {
      assertFalse(s.contains(bad), "raw " + bad + " in " + s);
    }
    JsonNode back = m.readTree(s);
    assertEquals(n, back);
  }
}
