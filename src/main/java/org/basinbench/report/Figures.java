package org.basinbench.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.basinbench.run.Outcome;
import org.basinbench.spark.Schema;

/**
 * The report's figures, built as Plotly specs (data + layout) from an experiment's tables.
 * Every aggregation over trials, segments and checkpoints runs in Spark; only per-cell or
 * per-checkpoint summaries reach the driver, so a figure's size does not grow with the number
 * of trials. A figure is returned only when its tables hold the data it needs.
 */
final class Figures {
  static final ObjectMapper JSON = new ObjectMapper();
  /** Cells drawn as bars in the outcome breakdown; the cells table holds them all. */
  static final int MAX_BAR_CELLS = 300;
  /** Cells whose median trajectories are drawn (the first, by cell index). */
  static final int MAX_TRAJECTORY_CELLS = 12;
  /** Relative accuracy 1/10000 of percentile_approx: far finer than a plot resolves. */
  static final int QUANTILE_ACCURACY = 10_000;
  private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  private static final Map<Outcome, String> OUTCOME_COLORS = Map.of(Outcome.SUCCESS, "#2ca02c", Outcome.SPURIOUS,
      "#d62728", Outcome.STATIONARY_OTHER, "#ff7f0e", Outcome.NOT_CONVERGED, "#7f7f7f", Outcome.DIVERGED,
      "#9467bd");
  /** Parameters that fix delta (with r, the facet), so they do not split the lines of the delta view. */
  private static final Set<String> DELTA_PARAMETERS = Set.of(Schema.DELTA, Schema.ALPHA, Schema.EPSILON,
      Schema.LAMBDA, Schema.R);
  /** Size parameters (a zip group in the size ablation): the x axis of the curvature-vs-size view. */
  private static final Set<String> SIZE_PARAMETERS = Set.of(Schema.N, Schema.M, Schema.R, Schema.R_STAR);

  /** An experiment's tables; null where the run did not write one. */
  record Tables(List<Row> cells, Dataset<Row> trials, Dataset<Row> segments, List<Row> curvature,
      Dataset<Row> trajectory) {}

  private final String prefix;
  private final Tables t;
  private final List<ObjectNode> out = new ArrayList<>();

  private Figures(String prefix, Tables t) {
    this.prefix = prefix;
    this.t = t;
  }

  /** The figures of one experiment; ids start with {@code prefix}. */
  static List<ObjectNode> build(String prefix, Tables t) {
    Figures f = new Figures(prefix, t);
    if (t.cells() != null && !t.cells().isEmpty()) {
      f.failureVsDelta();
      f.outcomes();
      f.failureVsBudget();
      if (t.trials() != null) {
        f.basinProfile();
      }
    }
    if (t.segments() != null) {
      f.curvatureByKind();
    }
    if (t.curvature() != null && !t.curvature().isEmpty()) {
      f.curvatureVsSize();
    }
    if (t.trajectory() != null && t.cells() != null) {
      f.trajectories();
    }
    return f.out;
  }

  // ---- the views ----

  /** Failure rate vs delta, Wilson 95% band, a line per remaining parameter set, a panel per r. */
  private void failureVsDelta() {
    List<Row> rows = t.cells().stream().filter(r -> r.getAs(Schema.DELTA) != null).toList();
    if (distinct(rows, Schema.DELTA).size() < 2) {
      return;
    }
    List<String> keys = withSolver(varying(rows, DELTA_PARAMETERS));
    List<Object> facets = new ArrayList<>(distinct(rows, Schema.R));
    if (facets.isEmpty()) {
      facets.add(null); // a family without a search rank: one panel
    }
    ArrayNode data = JSON.createArrayNode();
    ObjectNode layout = layout(420);
    Map<String, Integer> colors = new LinkedHashMap<>();
    for (int k = 0; k < facets.size(); k++) {
      Object rank = facets.get(k);
      String ax = k == 0 ? "" : Integer.toString(k + 1);
      Map<String, List<Row>> series = group(rows.stream().filter(r -> eq(r.getAs(Schema.R), rank)).toList(), keys);
      for (Map.Entry<String, List<Row>> s : series.entrySet()) {
        List<Row> pts = new ArrayList<>(s.getValue());
        pts.sort(Comparator.comparingDouble(r -> r.<Double>getAs(Schema.DELTA)));
        boolean first = !colors.containsKey(s.getKey());
        String color = PALETTE[colors.computeIfAbsent(s.getKey(), x -> colors.size()) % PALETTE.length];
        band(data, s.getKey(), ax, color, xs(pts, Schema.DELTA), ys(pts, Schema.CI_LOW), ys(pts, Schema.CI_HIGH));
        ObjectNode line = line(s.getKey(), ax, color, xs(pts, Schema.DELTA), ys(pts, Schema.FAILURE_RATE));
        line.put("showlegend", first);
        line.set("customdata", customCells(pts));
        line.put("hovertemplate", "delta %{x:.4g}<br>failure %{y:.4f} [%{customdata[0]:.4f}, %{customdata[1]:.4f}]"
            + "<br>%{customdata[2]} trials, cell %{customdata[3]}");
        data.add(line);
      }
      axes(layout, ax, "delta (RIP constant)", "failure rate", false, false);
      if (rank != null) {
        facetTitle(layout, ax, "search rank r = " + fmt(rank));
      }
    }
    grid(layout, facets.size());
    figure("delta", "Failure rate vs delta", "Band: Wilson 95% interval. One line per "
        + String.join(" x ", keys) + ", one panel per search rank r.", data, layout);
  }

  /** Outcome counts per cell, stacked. */
  private void outcomes() {
    List<Row> rows = new ArrayList<>(t.cells());
    rows.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Schema.CELL_INDEX)));
    String note = "Trials of each outcome per cell.";
    if (rows.size() > MAX_BAR_CELLS) {
      note += " The first " + MAX_BAR_CELLS + " of " + rows.size() + " cells; the cells table holds all.";
      rows = rows.subList(0, MAX_BAR_CELLS);
    }
    List<String> keys = varying(rows, Set.of());
    ArrayNode ids = JSON.createArrayNode();
    ArrayNode labels = JSON.createArrayNode();
    for (Row r : rows) {
      ids.add(r.<String>getAs(Schema.CELL_ID));
      labels.add(keys.isEmpty() ? r.<String>getAs(Schema.CELL_ID) : label(r, keys));
    }
    ArrayNode data = JSON.createArrayNode();
    for (Outcome o : Outcome.values()) {
      ObjectNode bar = JSON.createObjectNode();
      bar.put("type", "bar");
      bar.put("name", o.name());
      bar.set("x", ids);
      ArrayNode y = bar.putArray("y");
      rows.forEach(r -> y.add(r.<Long>getAs(Schema.outcomeCount(o))));
      bar.putObject("marker").put("color", OUTCOME_COLORS.get(o));
      bar.set("customdata", labels);
      bar.put("hovertemplate", "%{customdata}<br>" + o.name() + ": %{y}<extra></extra>");
      data.add(bar);
    }
    ObjectNode layout = layout(rows.size() > 12 ? 520 : 420);
    layout.put("barmode", "stack");
    ObjectNode x = axes(layout, "", "cell", "trials", false, false);
    x.put("type", "category");
    if (rows.size() <= 60) {
      x.set("tickvals", ids);
      x.set("ticktext", labels);
    }
    figure("outcomes", "Outcomes per cell", note, data, layout);
  }

  /** Failure rate vs the iteration budget, log-log, with Wilson error bars. */
  private void failureVsBudget() {
    List<Row> rows = t.cells().stream().filter(r -> r.getAs(Schema.MAX_ITER) != null).toList();
    if (distinct(rows, Schema.MAX_ITER).size() < 2) {
      return;
    }
    List<String> keys = withSolver(varying(rows, Set.of(Schema.MAX_ITER)));
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, List<Row>> s : group(rows, keys).entrySet()) {
      List<Row> pts = new ArrayList<>(s.getValue());
      pts.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Schema.MAX_ITER)));
      ObjectNode line = line(s.getKey(), "", PALETTE[i++ % PALETTE.length], xs(pts, Schema.MAX_ITER),
          ys(pts, Schema.FAILURE_RATE));
      ObjectNode err = line.putObject("error_y");
      err.put("type", "data");
      err.put("symmetric", false);
      ArrayNode plus = err.putArray("array");
      ArrayNode minus = err.putArray("arrayminus");
      for (Row r : pts) {
        double rate = r.<Double>getAs(Schema.FAILURE_RATE);
        plus.add(r.<Double>getAs(Schema.CI_HIGH) - rate);
        minus.add(rate - r.<Double>getAs(Schema.CI_LOW));
      }
      line.set("customdata", customCells(pts));
      line.put("hovertemplate", "budget %{x}<br>failure %{y:.4g} [%{customdata[0]:.4g}, %{customdata[1]:.4g}]"
          + "<br>%{customdata[2]} trials");
      data.add(line);
    }
    ObjectNode layout = layout(420);
    axes(layout, "", "iteration budget (max_iter)", "failure rate", true, true);
    figure("budget", "Failure rate vs iteration budget", "Log-log axes; error bars: Wilson 95% interval. A power"
        + " law is a straight line, a plateau a strict spurious minimum. A zero rate has no place on a log axis.",
        data, layout);
  }

  /** End-point relative error quantiles vs init gamma (starts between a catalogued point and random). */
  private void basinProfile() {
    List<Row> cells = t.cells().stream().filter(r -> r.getAs(Schema.INIT_GAMMA) != null).toList();
    if (distinct(cells, Schema.INIT_GAMMA).size() < 2) {
      return;
    }
    Map<String, Row> q = new HashMap<>();
    for (Row r : t.trials().where(col(Schema.REL_ERROR).isNotNull()).groupBy(col(Schema.CELL_ID)).agg(
        min(col(Schema.REL_ERROR)).as("min"),
        expr("percentile_approx(" + Schema.REL_ERROR + ", array(0.05, 0.5, 0.95), " + QUANTILE_ACCURACY + ")")
            .as("q"),
        max(col(Schema.REL_ERROR)).as("max")).collectAsList()) {
      q.put(r.getString(0), r);
    }
    List<String> keys = withSolver(varying(cells, Set.of(Schema.INIT_GAMMA)));
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, List<Row>> s : group(cells, keys).entrySet()) {
      List<Row> pts = s.getValue().stream().filter(r -> q.containsKey(r.<String>getAs(Schema.CELL_ID)))
          .sorted(Comparator.comparingDouble(r -> r.<Double>getAs(Schema.INIT_GAMMA))).toList();
      if (pts.isEmpty()) {
        continue;
      }
      String color = PALETTE[i++ % PALETTE.length];
      ArrayNode x = xs(pts, Schema.INIT_GAMMA);
      ArrayNode mins = JSON.createArrayNode();
      ArrayNode q05 = JSON.createArrayNode();
      ArrayNode q50 = JSON.createArrayNode();
      ArrayNode q95 = JSON.createArrayNode();
      ArrayNode maxs = JSON.createArrayNode();
      for (Row c : pts) {
        Row r = q.get(c.<String>getAs(Schema.CELL_ID));
        List<Double> qs = r.getList(2);
        mins.add(r.getDouble(1));
        q05.add(qs.get(0));
        q50.add(qs.get(1));
        q95.add(qs.get(2));
        maxs.add(r.getDouble(3));
      }
      band(data, s.getKey(), "", color, x, q05, q95);
      ObjectNode med = line(s.getKey(), "", color, x, q50);
      med.put("hovertemplate", "gamma %{x}<br>median rel_error %{y:.3g}");
      data.add(med);
      for (Object[] extreme : new Object[][] {{"min", mins}, {"max", maxs}}) {
        ObjectNode l = line(s.getKey() + " " + extreme[0], "", color, x, (ArrayNode) extreme[1]);
        l.put("mode", "lines");
        l.put("legendgroup", s.getKey());
        l.put("showlegend", false);
        ((ObjectNode) l.get("line")).put("dash", "dot").put("width", 1);
        l.put("hovertemplate", "gamma %{x}<br>" + extreme[0] + " rel_error %{y:.3g}");
        data.add(l);
      }
    }
    if (data.isEmpty()) {
      return;
    }
    ObjectNode layout = layout(420);
    axes(layout, "", "gamma (0: the catalogued point, 1: a random start)", "end-point rel_error", false, true);
    figure("basin", "Basin profile: end-point error vs gamma", "Line: median; band: 5% to 95%; dotted: min and"
        + " max of rel_error over the trials of each cell (diverged trials, with no error, left out).", data, layout);
  }

  /** Distribution of the segment curvature per segment kind (and size n when it varies). */
  private void curvatureByKind() {
    boolean bySize = t.cells() != null && distinct(t.cells(), Schema.N).size() > 1;
    List<org.apache.spark.sql.Column> keys = new ArrayList<>(List.of(col(Schema.SEGMENT)));
    if (bySize) {
      keys.add(col(Schema.N));
    }
    List<Row> rows = t.segments().where(col(Schema.CURVATURE).isNotNull())
        .groupBy(keys.toArray(org.apache.spark.sql.Column[]::new))
        .agg(expr("percentile_approx(" + Schema.CURVATURE + ", array(0.05, 0.25, 0.5, 0.75, 0.95), "
            + QUANTILE_ACCURACY + ")").as("q"), count(lit(1)).as("count"))
        .orderBy(keys.toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
    if (rows.isEmpty()) {
      return;
    }
    Map<String, List<Row>> series = new TreeMap<>();
    for (Row r : rows) {
      String name = bySize ? "n = " + r.get(1) : "all cells";
      series.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
    }
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    List<String> names = new ArrayList<>(series.keySet());
    if (bySize) {
      names.sort(Comparator.comparingInt(s -> Integer.parseInt(s.substring(4))));
    }
    for (String name : names) {
      ObjectNode box = JSON.createObjectNode();
      box.put("type", "box");
      box.put("name", name);
      ArrayNode x = box.putArray("x");
      ArrayNode lo = box.putArray("lowerfence");
      ArrayNode q1 = box.putArray("q1");
      ArrayNode med = box.putArray("median");
      ArrayNode q3 = box.putArray("q3");
      ArrayNode hi = box.putArray("upperfence");
      for (Row r : series.get(name)) {
        List<Double> q = r.getList(bySize ? 2 : 1);
        x.add(r.getString(0));
        lo.add(q.get(0));
        q1.add(q.get(1));
        med.add(q.get(2));
        q3.add(q.get(3));
        hi.add(q.get(4));
      }
      box.putObject("marker").put("color", PALETTE[i++ % PALETTE.length]);
      data.add(box);
    }
    ObjectNode layout = layout(420);
    layout.put("boxmode", "group");
    axes(layout, "", "segment", "curvature (min of l'' on the segment)", false, false);
    figure("curvature", "Segment curvature by kind", "Box: quartiles; whiskers: 5% and 95% quantiles"
        + (bySize ? "; one box per size n" : "") + ". Negative: the loss is not convex along the segment.", data, layout);
  }

  /** sigma/mu of the curvature and the fraction of convex segments vs size n. */
  private void curvatureVsSize() {
    List<Row> rows = t.curvature();
    if (distinct(rows, Schema.N).size() < 2) {
      return;
    }
    List<String> keys = new ArrayList<>(List.of(Schema.SEGMENT));
    keys.addAll(varying(rows, SIZE_PARAMETERS));
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, List<Row>> s : group(rows, keys).entrySet()) {
      List<Row> pts = new ArrayList<>(s.getValue());
      pts.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Schema.N)));
      String color = PALETTE[i++ % PALETTE.length];
      ObjectNode sigma = line(s.getKey(), "", color, xs(pts, Schema.N), ys(pts, Schema.SIGMA_OVER_MU));
      sigma.put("hovertemplate", "n %{x}<br>sigma/mu %{y:.3g}");
      data.add(sigma);
      ObjectNode convex = line(s.getKey(), "2", color, xs(pts, Schema.N), ys(pts, Schema.FRACTION_CONVEX));
      convex.put("showlegend", false);
      ObjectNode err = convex.putObject("error_y");
      err.put("type", "data");
      err.put("symmetric", false);
      ArrayNode plus = err.putArray("array");
      ArrayNode minus = err.putArray("arrayminus");
      for (Row r : pts) {
        double f = r.<Double>getAs(Schema.FRACTION_CONVEX);
        plus.add(r.<Double>getAs(Schema.CI_HIGH) - f);
        minus.add(f - r.<Double>getAs(Schema.CI_LOW));
      }
      convex.put("hovertemplate", "n %{x}<br>fraction convex %{y:.4f}");
      data.add(convex);
    }
    ObjectNode layout = layout(420);
    axes(layout, "", "size n", "sigma / mu of the curvature", true, false);
    axes(layout, "2", "size n", "fraction convex", true, false);
    grid(layout, 2);
    figure("size", "Curvature vs size", "Left: standard deviation over mean of the segment curvature; right: the"
        + " fraction of convex segments with its Wilson 95% interval.", data, layout);
  }

  /** Median over trials, per checkpoint, of cos_to_end and curvature_to_end. */
  private void trajectories() {
    List<Row> cells = new ArrayList<>(t.cells());
    cells.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Schema.CELL_INDEX)));
    String note = "Median over the trials still running at each checkpoint (iteration 0 is off the log axis).";
    if (cells.size() > MAX_TRAJECTORY_CELLS) {
      note += " The first " + MAX_TRAJECTORY_CELLS + " of " + cells.size() + " cells.";
      cells = cells.subList(0, MAX_TRAJECTORY_CELLS);
    }
    Object[] ids = cells.stream().map(r -> r.<String>getAs(Schema.CELL_ID)).toArray();
    String median = "percentile_approx(%s, 0.5, " + QUANTILE_ACCURACY + ")";
    List<Row> rows = t.trajectory().where(col(Schema.ITERATION).geq(1).and(col(Schema.CELL_ID).isin(ids)))
        .groupBy(col(Schema.CELL_ID), col(Schema.ITERATION))
        .agg(expr(median.formatted(Schema.COS_TO_END)).as("cos"),
            expr(median.formatted(Schema.CURVATURE_TO_END)).as("curv"), count(lit(1)).as("n"))
        .orderBy(col(Schema.CELL_ID), col(Schema.ITERATION)).collectAsList();
    if (rows.isEmpty()) {
      return;
    }
    Map<String, List<Row>> byCell = new HashMap<>();
    rows.forEach(r -> byCell.computeIfAbsent(r.getString(0), k -> new ArrayList<>()).add(r));
    List<String> keys = varying(cells, Set.of());
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Row c : cells) {
      List<Row> pts = byCell.get(c.<String>getAs(Schema.CELL_ID));
      if (pts == null) {
        continue;
      }
      String name = keys.isEmpty() ? c.<String>getAs(Schema.CELL_ID) : label(c, keys);
      String color = PALETTE[i++ % PALETTE.length];
      ArrayNode x = JSON.createArrayNode();
      ArrayNode cos = JSON.createArrayNode();
      ArrayNode curv = JSON.createArrayNode();
      ArrayNode n = JSON.createArrayNode();
      for (Row r : pts) {
        x.add(r.getInt(1));
        cos.add(r.isNullAt(2) ? null : r.getDouble(2));
        curv.add(r.isNullAt(3) ? null : r.getDouble(3));
        n.add(r.getLong(4));
      }
      ObjectNode a = line(name, "", color, x, cos);
      a.set("customdata", n);
      a.put("hovertemplate", "iteration %{x}<br>median cos_to_end %{y:.3g}<br>%{customdata} trials");
      data.add(a);
      ObjectNode b = line(name, "2", color, x, curv);
      b.put("showlegend", false);
      b.set("customdata", n);
      b.put("hovertemplate", "iteration %{x}<br>median curvature_to_end %{y:.3g}<br>%{customdata} trials");
      data.add(b);
    }
    ObjectNode layout = layout(420);
    axes(layout, "", "iteration", "cos(-grad f, x* - x_t)", true, false);
    axes(layout, "2", "iteration", "curvature of x_t -> x*", true, false);
    grid(layout, 2);
    figure("trajectory", "Trajectories: cosine and curvature toward the end point", note, data, layout);
  }

  // ---- helpers ----

  private void figure(String kind, String title, String note, ArrayNode data, ObjectNode layout) {
    ObjectNode f = JSON.createObjectNode();
    f.put("id", prefix + kind);
    f.put("title", title);
    f.put("note", note);
    f.set("data", data);
    f.set("layout", layout);
    out.add(f);
  }

  private static ObjectNode layout(int height) {
    ObjectNode l = JSON.createObjectNode();
    l.put("height", height);
    l.putObject("margin").put("t", 40).put("r", 20).put("b", 60).put("l", 70);
    l.put("hovermode", "closest");
    l.putObject("legend").put("orientation", "h").put("y", -0.25);
    return l;
  }

  private static ObjectNode axes(ObjectNode layout, String ax, String xTitle, String yTitle, boolean logX,
      boolean logY) {
    ObjectNode x = layout.putObject("xaxis" + ax);
    x.putObject("title").put("text", xTitle);
    if (logX) {
      x.put("type", "log");
    }
    ObjectNode y = layout.putObject("yaxis" + ax);
    y.putObject("title").put("text", yTitle);
    if (logY) {
      y.put("type", "log");
    }
    return x;
  }

  private static void grid(ObjectNode layout, int columns) {
    if (columns > 1) {
      layout.putObject("grid").put("rows", 1).put("columns", columns).put("pattern", "independent");
    }
  }

  private static void facetTitle(ObjectNode layout, String ax, String text) {
    ArrayNode all = layout.has("annotations") ? (ArrayNode) layout.get("annotations")
        : layout.putArray("annotations");
    ObjectNode a = all.addObject();
    a.put("text", text);
    a.put("showarrow", false);
    a.put("xref", "x" + ax + " domain");
    a.put("yref", "y" + ax + " domain");
    a.put("x", 0.5);
    a.put("y", 1.0);
    a.put("yanchor", "bottom");
  }

  private static ObjectNode line(String name, String ax, String color, ArrayNode x, ArrayNode y) {
    ObjectNode l = JSON.createObjectNode();
    l.put("type", "scatter");
    l.put("mode", "lines+markers");
    l.put("name", name);
    l.put("legendgroup", name);
    l.put("xaxis", "x" + ax);
    l.put("yaxis", "y" + ax);
    l.set("x", x);
    l.set("y", y);
    l.putObject("line").put("color", color);
    l.putObject("marker").put("color", color);
    return l;
  }

  /** A filled band between {@code lo} and {@code hi}: two borderless traces, the second filled to the first. */
  private static void band(ArrayNode data, String group, String ax, String color, ArrayNode x, ArrayNode lo,
      ArrayNode hi) {
    for (ArrayNode y : List.of(hi, lo)) {
      ObjectNode b = JSON.createObjectNode();
      b.put("type", "scatter");
      b.put("mode", "lines");
      b.put("legendgroup", group);
      b.put("showlegend", false);
      b.put("hoverinfo", "skip");
      b.put("xaxis", "x" + ax);
      b.put("yaxis", "y" + ax);
      b.set("x", x);
      b.set("y", y);
      b.putObject("line").put("width", 0).put("color", color);
      if (y == lo) {
        b.put("fill", "tonexty");
        b.put("fillcolor", translucent(color));
      }
      data.add(b);
    }
  }

  private static String translucent(String hex) {
    int v = Integer.parseInt(hex.substring(1), 16);
    return String.format(Locale.ROOT, "rgba(%d,%d,%d,0.2)", v >> 16 & 255, v >> 8 & 255, v & 255);
  }

  private static ArrayNode customCells(List<Row> pts) {
    ArrayNode c = JSON.createArrayNode();
    for (Row r : pts) {
      c.addArray().add(r.<Double>getAs(Schema.CI_LOW)).add(r.<Double>getAs(Schema.CI_HIGH))
          .add(r.<Long>getAs(Schema.TRIALS)).add(r.<String>getAs(Schema.CELL_ID));
    }
    return c;
  }

  private static ArrayNode xs(List<Row> rows, String column) {
    return ys(rows, column);
  }

  private static ArrayNode ys(List<Row> rows, String column) {
    ArrayNode a = JSON.createArrayNode();
    for (Row r : rows) {
      Object v = r.getAs(column);
      if (v == null) {
        a.addNull();
      } else if (v instanceof Integer i) {
        a.add(i);
      } else if (v instanceof Long l) {
        a.add(l);
      } else {
        double d = ((Number) v).doubleValue();
        if (Double.isFinite(d)) {
          a.add(d);
        } else {
          a.addNull();
        }
      }
    }
    return a;
  }

  /** {@code keys} with the solver first: a line's name says which solver drew it. */
  private static List<String> withSolver(List<String> keys) {
    List<String> k = new ArrayList<>(keys);
    if (!k.contains(Schema.SOLVER)) {
      k.add(0, Schema.SOLVER);
    }
    return k;
  }

  /** Cell-parameter columns of {@code rows} that take more than one value, minus {@code exclude}. */
  static List<String> varying(List<Row> rows, Set<String> exclude) {
    List<String> out = new ArrayList<>();
    if (rows.isEmpty()) {
      return out;
    }
    Set<String> present = Set.of(rows.get(0).schema().fieldNames());
    for (StructField f : Schema.CELL_FIELDS) {
      String name = f.name();
      if (name.equals(Schema.CELL_ID) || name.equals(Schema.CELL_INDEX) || exclude.contains(name)
          || !present.contains(name)) {
        continue;
      }
      if (distinct(rows, name).size() > 1) {
        out.add(name);
      }
    }
    return out;
  }

  /** Numbers in numeric order, anything else by its text. */
  private static final Comparator<Object> ORDER = (a, b) -> a instanceof Number x && b instanceof Number y
      ? Double.compare(x.doubleValue(), y.doubleValue()) : String.valueOf(a).compareTo(String.valueOf(b));

  /** The non-null values of {@code column}, in order. */
  private static Set<Object> distinct(List<Row> rows, String column) {
    Set<Object> s = new TreeSet<>(ORDER);
    for (Row r : rows) {
      Object v = r.getAs(column);
      if (v != null) {
        s.add(v);
      }
    }
    return s;
  }

  /** Rows grouped by their label over {@code keys}, in order of first appearance. */
  private static Map<String, List<Row>> group(List<Row> rows, List<String> keys) {
    Map<String, List<Row>> g = new LinkedHashMap<>();
    for (Row r : rows) {
      g.computeIfAbsent(keys.isEmpty() ? "all cells" : label(r, keys), k -> new ArrayList<>()).add(r);
    }
    return g;
  }

  /** "pgd step=0.05 variant=symmetric": the values of {@code keys}, names left out for solver and segment. */
  static String label(Row r, List<String> keys) {
    Set<String> parts = new LinkedHashSet<>();
    for (String k : keys) {
      Object v = r.getAs(k);
      parts.add(k.equals(Schema.SOLVER) || k.equals(Schema.SEGMENT) ? fmt(v) : k + "=" + fmt(v));
    }
    return String.join(" ", parts);
  }

  static String fmt(Object v) {
    if (v == null) {
      return "-";
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replace(".e", "e")
          .replaceAll("\\.$", "");
    }
    return v.toString();
  }

  private static boolean eq(Object a, Object b) {
    return a == null ? b == null : a.equals(b);
  }
}
