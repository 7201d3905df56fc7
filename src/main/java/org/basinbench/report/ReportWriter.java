package org.basinbench.report;

import static org.apache.spark.sql.functions.col;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.basinbench.run.Version;
import org.basinbench.spark.Schema;

/**
 * Writes the report of an output directory: one self-contained HTML file (Plotly, data and
 * script inlined; no network) with, per experiment, a run summary from its manifest, the
 * figures its tables support ({@link Figures}) and its certificates ({@link CertificatesView}).
 * Reads only the Parquet tables and manifests under the directory, through Spark SQL; never
 * runs a trial. The file is written beside its destination and renamed into place, so a
 * report is never half-written.
 */
public final class ReportWriter {
  static final String MARKER = ".basinbench";
  static final String DEFAULT_NAME = "report.html";
  /** Cells (and curvature rows) read per experiment: bounds the driver's memory on huge grids. */
  static final int MAX_CELLS = 20_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * What was written.
   *
   * @param path the report's path
   * @param bytes its size
   * @param experiments experiments reported
   * @param figures figures drawn
   */
  public record Result(String path, long bytes, int experiments, int figures) {}

  private final SparkSession spark;
  private final FileSystem fs;
  private final Path root;

  private ReportWriter(SparkSession spark, FileSystem fs, Path root) {
    this.spark = spark;
    this.fs = fs;
    this.root = root;
  }

  /**
   * Checks that {@code out} is a BasinBench output directory and that {@code html} can be
   * written, without Spark and without writing anything; returns the report's path.
   *
   * @param html the report file, or null for {@code OUT/report.html}
   * @throws ReportException naming the problem, for a message and exit code 2
   */
  public static String check(String out, String html, Configuration conf) throws ReportException, IOException {
    Path root = new Path(out);
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      if (!fs.exists(root)) {
        throw new ReportException("OUT: " + out + " does not exist; give the --out directory of a run");
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new ReportException("OUT: " + out + " is a file; give the --out directory of a run");
      }
      if (!fs.exists(new Path(root, MARKER))) {
        throw new ReportException("OUT: " + out + " is not a BasinBench output directory (no " + MARKER
            + " marker); give the --out directory of a run");
      }
    }
    Path target = html == null ? new Path(root, DEFAULT_NAME) : new Path(html);
    try (FileSystem fs = FileSystem.newInstance(target.toUri(), conf)) {
      Path parent = fs.makeQualified(target).getParent();
      if (fs.exists(target) && fs.getFileStatus(target).isDirectory()) {
        throw new ReportException("--html: " + target + " is a directory; give a file name");
      }
      if (parent == null || !fs.exists(parent) || !fs.getFileStatus(parent).isDirectory()) {
        throw new ReportException("--html: the directory of " + target + " does not exist");
      }
      return fs.makeQualified(target).toString();
    }
  }

  /**
   * Writes the report of {@code out} to {@code html} (null: {@code OUT/report.html}).
   *
   * @throws ReportException when {@code out} is no BasinBench output directory or {@code html}
   *     cannot be written (nothing is written then)
   */
  public static Result write(SparkSession spark, String out, String html) throws ReportException, IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    String target = check(out, html, conf);
    Path root = new Path(out);
    try (FileSystem fs = FileSystem.newInstance(root.toUri(), conf)) {
      ReportWriter w = new ReportWriter(spark, fs, fs.makeQualified(root));
      Page page = w.page(out);
      long bytes = publish(page.html(), new Path(target), conf);
      return new Result(target, bytes, page.experiments(), page.figures());
    }
  }

  private record Page(String html, int experiments, int figures) {}

  private Page page(String out) throws IOException {
    List<JsonNode> manifests = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Path dir = new Path(root, "manifests");
    if (fs.exists(dir)) {
      FileStatus[] files = fs.listStatus(dir, p -> p.getName().endsWith(".json"));
      Arrays.sort(files, Comparator.comparing(f -> f.getPath().getName()));
      for (FileStatus f : files) {
        try (InputStream in = fs.open(f.getPath())) {
          JsonNode m = JSON.readTree(in);
          if (m != null && m.path("experiment").isTextual()) {
            manifests.add(m);
          } else {
            problems.add(f.getPath().getName() + " is not a BasinBench manifest");
          }
        } catch (IOException e) {
          problems.add(f.getPath().getName() + " could not be read: " + e.getMessage());
        }
      }
    }
    ArrayNode figures = JSON.createArrayNode();
    StringBuilder body = new StringBuilder();
    StringBuilder nav = new StringBuilder();
    for (int i = 0; i < manifests.size(); i++) {
      JsonNode m = manifests.get(i);
      String name = m.get("experiment").asText();
      String anchor = "exp-" + i;
      nav.append("<li><a href=\"#").append(anchor).append("\">").append(Html.escape(name)).append("</a></li>");
      List<ObjectNode> figs = experiment(name, m, anchor, body);
      figs.forEach(figures::add);
    }
    StringBuilder h = new StringBuilder(3 << 20);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>BasinBench report: ").append(Html.escape(out)).append("</title>\n<style>")
        .append(PageAssets.CSS).append("</style>\n</head>\n<body>\n<header>\n<h1>BasinBench report</h1>\n<p>Output directory <code>")
        .append(Html.escape(out)).append("</code>; written ").append(Html.escape(Instant.now().toString()))
        .append(" by BasinBench ").append(Html.escape(Version.basinbench())).append(" with Plotly ")
        .append(Html.escape(PlotlyBundle.version())).append(" (inlined: the file works offline).</p>\n");
    if (manifests.isEmpty()) {
      h.append("<p>No complete experiment in this directory (no manifest under <code>manifests/</code>).</p>\n");
    } else {
      h.append("<nav><ul>").append(nav).append("</ul></nav>\n");
    }
    for (String p : problems) {
      h.append("<p class=\"problem\">Skipped: ").append(Html.escape(p)).append("</p>\n");
    }
    h.append("<p id=\"report-error\" class=\"problem\" hidden></p>\n</header>\n<main>\n").append(body)
        .append("</main>\n<pre id=\"report-status\" hidden></pre>\n")
        .append("<script type=\"application/json\" id=\"report-figures\">").append(Html.scriptJson(figures))
        .append("</script>\n<script type=\"text/plain\" id=\"plotly-gz\">").append(PlotlyBundle.gzipBase64())
        .append("</script>\n<script>").append(PageAssets.SCRIPT).append("</script>\n</body>\n</html>\n");
    return new Page(h.toString(), manifests.size(), figures.size());
  }

  /** Appends an experiment's section to {@code body}; returns its figures. */
  private List<ObjectNode> experiment(String name, JsonNode m, String anchor, StringBuilder body)
      throws IOException {
    body.append("<section class=\"experiment\" id=\"").append(anchor).append("\">\n<h2>")
        .append(Html.escape(name)).append("</h2>\n");
    String description = m.path("description").asText("");
    if (!description.isEmpty()) {
      body.append("<p class=\"description\" id=\"").append(anchor).append("-description\">")
          .append(Html.escape(description)).append("</p>\n");
    }
    summary(m, body);
    if (m.has("spec")) {
      body.append("<details><summary>Spec (as given)</summary><pre>")
          .append(Html.escape(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m.get("spec"))))
          .append("</pre></details>\n");
    }
    Dataset<Row> cells = table("cells", name);
    Dataset<Row> curvature = table("curvature", name);
    Figures.Tables tables = new Figures.Tables(
        cells == null ? null : cells.orderBy(col(Schema.CELL_INDEX)).limit(MAX_CELLS).collectAsList(),
        table("trials", name), table("segments", name),
        curvature == null ? null : curvature.limit(MAX_CELLS).collectAsList(), table("trajectory", name));
    List<ObjectNode> figs = Figures.build(anchor + "-", tables);
    for (ObjectNode f : figs) {
      body.append("<div class=\"figure\">\n<h3>").append(Html.escape(f.get("title").asText())).append("</h3>\n")
          .append("<p class=\"note\">").append(Html.escape(f.get("note").asText())).append("</p>\n")
          .append("<div class=\"chart\" id=\"").append(Html.escape(f.get("id").asText())).append("\"></div>\n</div>\n");
    }
    if (figs.isEmpty()) {
      body.append("<p class=\"note\">No figure: the tables of this experiment hold nothing to plot.</p>\n");
    }
    Dataset<Row> certificates = table("certificates", name);
    if (certificates != null) {
      CertificatesView.append(certificates, body);
    }
    body.append("</section>\n");
    return figs;
  }

  private void summary(JsonNode m, StringBuilder body) {
    body.append("<table class=\"summary\">\n");
    row(body, "spec hash", m.path("specHash").asText(""));
    row(body, "source", m.path("source").asText(""));
    row(body, "seed", m.path("seed").asText(""));
    row(body, "cells x trials", m.path("cells").asText("") + " cells, " + m.path("totalTrials").asText("")
        + " trials" + (m.has("adaptive") ? " (adaptive, " + m.path("adaptive").path("rounds").asText("")
            + " rounds, " + m.path("adaptive").path("minTrialsPerCell").asText("") + " to "
            + m.path("adaptive").path("maxTrialsPerCell").asText("") + " per cell)" : ""));
    StringBuilder oc = new StringBuilder();
    m.path("outcomes").fields().forEachRemaining(e -> oc.append(oc.length() == 0 ? "" : ", ").append(e.getKey())
        .append(' ').append(e.getValue().asText()));
    row(body, "outcomes", oc.toString());
    row(body, "git commit", m.path("gitCommit").asText(""));
    row(body, "versions", "BasinBench " + m.path("basinbenchVersion").asText("?") + ", Spark "
        + m.path("sparkVersion").asText("?"));
    row(body, "master", m.path("master").asText(""));
    row(body, "time", m.path("startedAt").asText("") + " to " + m.path("finishedAt").asText("") + " ("
        + m.path("elapsedSeconds").asText("") + " s)");
    for (JsonNode s : m.path("skippedCombinations")) {
      row(body, "skipped", s.asText());
    }
    body.append("</table>\n");
  }

  private static void row(StringBuilder b, String key, String value) {
    b.append("<tr><th>").append(Html.escape(key)).append("</th><td>").append(Html.escape(value))
        .append("</td></tr>\n");
  }

  /** An experiment's table, or null when the run did not write it. */
  private Dataset<Row> table(String table, String experiment) throws IOException {
    Path p = new Path(new Path(root, table), "experiment=" + experiment);
    if (!fs.exists(p)) {
      return null;
    }
    return spark.read().parquet(p.toString());
  }

  /** Writes {@code html} beside {@code target}, then renames it into place; returns its size. */
  private static long publish(String html, Path target, Configuration conf) throws IOException {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    try (FileSystem fs = FileSystem.newInstance(target.toUri(), conf)) {
      Path t = fs.makeQualified(target);
      if ("file".equals(t.toUri().getScheme())) {
        // Local: an atomic replace, so a reader sees the old report or the new one, whole.
        java.nio.file.Path dst = java.nio.file.Path.of(t.toUri());
        java.nio.file.Path tmp = dst.resolveSibling("." + dst.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
          Files.write(tmp, bytes);
          Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(tmp);
        }
      } else {
        fs.setWriteChecksum(false);
        Path tmp = new Path(t.getParent(), "." + t.getName() + ".tmp-" + UUID.randomUUID());
        try {
          try (OutputStream o = fs.create(tmp, false)) {
            o.write(bytes);
          }
          fs.delete(t, false);
          if (!fs.rename(tmp, t)) {
            throw new IOException("could not rename " + tmp + " to " + t);
          }
        } finally {
          fs.delete(tmp, false);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return bytes.length;
  }
}
