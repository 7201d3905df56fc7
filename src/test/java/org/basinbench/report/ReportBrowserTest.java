package org.basinbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.basinbench.spark.BasinBenchJob;
import org.basinbench.spark.TestSpark;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a small run, opened in headless Chromium: no console error, every expected
 * chart drawn with marks, spec text shown as text, a screenshot in {@code target/}. Skips (with
 * the reason printed) when no Chromium is installed, unless {@code BASINBENCH_REQUIRE_BROWSER}
 * is set, as {@code .ci/run} does after installing Debian's chromium.
 */
class ReportBrowserTest {
  /** What an attacker could put in a description: markup, an event handler, a script end tag. */
  static final String HOSTILE = "Sweep <img src=x onerror=alert(1)> & </script><script>alert(1)</script>"
      + " <!-- comment --> \u2028 end";
  /** Page load, Plotly's decompression and drawing of ten small charts take a few seconds. */
  static final long RENDER_TIMEOUT_MS = 90_000;

  static final String SPEC = """
      [{"experiment": "sweep", "description": %s, "seed": 5, "trials": 16,
        "instance": {"family": "nonneg-counterexample", "n": 4, "rStar": 1, "r": [1, 2],
                     "alpha": [0.3, 0.6, 0.9], "epsilon": 0.5},
        "init": {"kind": "half-normal", "scale": 0.5},
        "solvers": [{"name": "pgd", "step": 0.05, "maxIter": [30, 300, 3000]},
                    {"name": "pgd", "stepRule": "armijo", "step": 0.1, "maxIter": 3000}],
        "statistics": {"segments": ["random-random", "init-to-found", "init-to-spurious"]},
        "trajectories": true},
       {"experiment": "basin", "description": "gamma sweep from U0 at two sizes", "seed": 6, "trials": 16,
        "instance": {"family": "nonneg-counterexample", "n": [4, 5], "rStar": 1, "r": 1, "alpha": 0.5,
                     "epsilon": 0.5},
        "init": {"kind": "interpolate", "gamma": [0, 0.5, 1]},
        "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}],
        "statistics": {"segments": ["random-random", "random-to-truth"]}}]
      """;
  /** Every view the two experiments' tables support (experiments in name order: basin, sweep). */
  static final Set<String> EXPECTED = Set.of("exp-1-delta", "exp-1-outcomes", "exp-1-budget", "exp-1-curvature",
      "exp-1-trajectory", "exp-0-outcomes", "exp-0-basin", "exp-0-curvature", "exp-0-size");

  static Path out;
  static ReportWriter.Result written;

  @BeforeAll
  static void runAndReport(@TempDir Path tmp) throws Exception {
    String json = SPEC.formatted(com.fasterxml.jackson.databind.node.TextNode.valueOf(HOSTILE).toString());
    List<Experiment> experiments = SpecParser.parse(json, "browser.json");
    out = tmp.resolve("out");
    new BasinBenchJob(TestSpark.session(), new BasinBenchJob.Options(out.toString(), 0, false),
        new PrintStream(new ByteArrayOutputStream())).run(experiments);
    written = ReportWriter.write(TestSpark.session(), out.toString(), null);
  }

  @Test
  void hostileSpecTextIsEscapedInTheFile() throws Exception {
    String html = Files.readString(Path.of(written.path().replace("file:", "")));
    assertEquals(out.resolve("report.html").toUri().getPath(), Path.of(written.path().replace("file:", ""))
        .toUri().getPath());
    assertFalse(html.contains("<img"), "no raw <img");
    assertFalse(html.contains("alert(1)</script>"), "no raw script end tag from the spec");
    assertFalse(html.contains("<!-- comment"), "no raw comment start");
    // The inlined data: JSON with every < > & U+2028 U+2029 escaped (Html.scriptJson, HtmlTest).
    String data = inlinedFigures(html);
    for (String raw : new String[] {"<", ">", "&", "\u2028", "\u2029"}) {
      assertFalse(data.contains(raw), "raw " + raw + " in the inlined figures");
    }
    // In HTML text: entities; in the inlined JSON (the spec in the figures' data is not, but the
    // manifest's spec is shown in a <pre>): only escaped forms.
    assertTrue(html.contains("Sweep &lt;img src=x onerror=alert(1)&gt; &amp; &lt;/script&gt;&lt;script&gt;"), html
        .substring(0, 2000));
    // Exactly the inlined scripts of the page: figures (JSON), Plotly (base64), the drawing code.
    assertEquals(3, html.split("<script", -1).length - 1, "script elements");
    assertEquals(3, html.split("</script>", -1).length - 1, "script end tags");
    assertTrue(written.bytes() < 6_000_000, "report size " + written.bytes());
    assertFalse(html.contains("http://") && html.contains("src=\"http"), "no external resource");
  }

  /** Without a browser too: every view's figure is inlined, and each experiment lists its certificates. */
  @Test
  void everyViewIsInTheFile() throws Exception {
    String html = Files.readString(Path.of(java.net.URI.create(written.path())));
    Set<String> ids = new TreeSet<>();
    for (JsonNode f : new com.fasterxml.jackson.databind.ObjectMapper().readTree(inlinedFigures(html))) {
      ids.add(f.path("id").asText());
      assertFalse(f.path("data").isEmpty(), f.path("id") + " has no trace");
    }
    assertEquals(new TreeSet<>(EXPECTED), ids, "figures");
    assertEquals(EXPECTED.size(), written.figures());
    for (String id : EXPECTED) {
      assertTrue(html.contains("<div class=\"chart\" id=\"" + id + "\"></div>"), "chart div " + id);
    }
    assertEquals(2, html.split("<h3>Certificates</h3>", -1).length - 1, "certificate tables");
  }

  /** The text of the inlined figures' JSON script element. */
  static String inlinedFigures(String html) {
    String open = "<script type=\"application/json\" id=\"report-figures\">";
    return html.substring(html.indexOf(open) + open.length(), html.indexOf("</script>", html.indexOf(open)));
  }

  @Test
  void rendersEveryChartInHeadlessChromium(@TempDir Path tmp) throws Exception {
    Path exe = Chromium.find();
    if (exe == null) {
      String reason = "no chromium found (set CHROMIUM or install Debian's chromium); browser test skipped";
      if (System.getenv("BASINBENCH_REQUIRE_BROWSER") != null) {
        fail(reason + ", but BASINBENCH_REQUIRE_BROWSER is set");
      }
      System.err.println("ReportBrowserTest: " + reason);
      Assumptions.abort(reason);
    }
    Path report = Path.of(java.net.URI.create(written.path()));
    try (Chromium c = Chromium.start(exe, Files.createDirectory(tmp.resolve("profile")))) {
      c.viewport(1280, 900);
      c.navigate(report.toUri().toString());
      JsonNode status = null;
      long deadline = System.currentTimeMillis() + RENDER_TIMEOUT_MS;
      while (System.currentTimeMillis() < deadline) {
        JsonNode s = c.evaluate("window.basinbenchReport ? JSON.parse(JSON.stringify(window.basinbenchReport))"
            + " : null");
        if (s != null && s.path("done").asBoolean()) {
          status = s;
          break;
        }
        Thread.sleep(200);
      }
      if (status == null) {
        fail("the report did not finish drawing within " + RENDER_TIMEOUT_MS + " ms; errors: " + c.errors());
      }
      Path png = Path.of("target", "report-browser-test.png");
      Files.createDirectories(png.getParent());
      Files.write(png, c.screenshot(1280));
      assertTrue(Files.size(png) > 10_000, "screenshot " + png);

      assertEquals(List.of(), c.errors(), "console errors");
      assertEquals(0, status.path("errors").size(), "page errors: " + status.path("errors"));
      assertFalse(status.path("plotly").asText().isEmpty(), "Plotly loaded");
      Set<String> drawn = new TreeSet<>();
      List<String> empty = new ArrayList<>();
      for (JsonNode chart : status.path("charts")) {
        drawn.add(chart.path("id").asText());
        // Each chart must hold marks in an SVG trace layer: a few paths at least.
        if (chart.path("marks").asInt() < 3) {
          empty.add(chart.toString());
        }
      }
      assertEquals(new TreeSet<>(EXPECTED), drawn, "charts drawn");
      assertEquals(List.of(), empty, "charts without marks");
      // Each chart div holds Plotly's SVG.
      assertEquals(EXPECTED.size(), c.evaluate("document.querySelectorAll('.chart svg.main-svg').length > 0"
          + " ? new Set(Array.from(document.querySelectorAll('.chart svg.main-svg')).map(s => s.closest('.chart')"
          + ".id)).size : 0").asInt());

      // The hostile description renders as text: the very string, and no element from it.
      assertEquals(HOSTILE, c.evaluate("document.getElementById('exp-1-description').textContent").asText());
      assertEquals(0, c.evaluate("document.querySelectorAll('main img, main script').length").asInt());
    }
  }
}
