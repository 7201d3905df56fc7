package org.basinbench.report;

import static org.basinbench.report.CellRows.distinct;
import static org.basinbench.report.CellRows.eq;
import static org.basinbench.report.CellRows.fmt;
import static org.basinbench.report.CellRows.group;
import static org.basinbench.report.CellRows.varying;
import static org.basinbench.report.CellRows.withSolver;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.axes;
import static org.basinbench.report.Traces.band;
import static org.basinbench.report.Traces.color;
import static org.basinbench.report.Traces.customCells;
import static org.basinbench.report.Traces.facetTitle;
import static org.basinbench.report.Traces.grid;
import static org.basinbench.report.Traces.layout;
import static org.basinbench.report.Traces.line;
import static org.basinbench.report.Traces.xs;
import static org.basinbench.report.Traces.ys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * Failure rate vs delta (figure {@code delta}): per cell, {@code failure_rate} with its Wilson
 * 95% band ({@code ci_low} to {@code ci_high}) against {@code delta}; a line per solver and
 * remaining varying parameter set, a panel per search rank {@code r}. Reads the cells table;
 * drawn when at least two values of delta occur.
 */
final class FailureVsDeltaView {
  /** Parameters that fix delta (with r, the facet), so they do not split the lines of the delta view. */
  private static final Set<String> DELTA_PARAMETERS = Set.of(Columns.DELTA.name(), Columns.ALPHA.name(), Columns.EPSILON.name(),
      Columns.LAMBDA.name(), Columns.R.name());

  private FailureVsDeltaView() {}

  /** The figure, or null when the cells do not span two values of delta. */
  static Figures.Figure figure(List<Row> cells) {
    List<Row> rows = cells.stream().filter(r -> r.getAs(Columns.DELTA.name()) != null).toList();
    if (distinct(rows, Columns.DELTA.name()).size() < 2) {
      return null;
    }
    List<String> keys = withSolver(varying(rows, DELTA_PARAMETERS));
    List<Object> facets = new ArrayList<>(distinct(rows, Columns.R.name()));
    if (facets.isEmpty()) {
      facets.add(null); // a family without a search rank: one panel
    }
    ArrayNode data = JSON.createArrayNode();
    ObjectNode layout = layout(420);
    Map<String, Integer> colors = new LinkedHashMap<>();
    for (int k = 0; k < facets.size(); k++) {
      Object rank = facets.get(k);
      String ax = k == 0 ? "" : Integer.toString(k + 1);
      Map<String, List<Row>> series = group(rows.stream().filter(r -> eq(r.getAs(Columns.R.name()), rank)).toList(), keys);
      for (Map.Entry<String, List<Row>> s : series.entrySet()) {
        List<Row> pts = new ArrayList<>(s.getValue());
        pts.sort(Comparator.comparingDouble(r -> r.<Double>getAs(Columns.DELTA.name())));
        boolean first = !colors.containsKey(s.getKey());
        String color = color(colors.computeIfAbsent(s.getKey(), x -> colors.size()));
        band(data, s.getKey(), ax, color, xs(pts, Columns.DELTA.name()), ys(pts, Schema.CI_LOW), ys(pts, Schema.CI_HIGH));
        ObjectNode line = line(s.getKey(), ax, color, xs(pts, Columns.DELTA.name()), ys(pts, Schema.FAILURE_RATE));
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
    return new Figures.Figure("delta", "Failure rate vs delta", "Band: Wilson 95% interval. One line per "
        + String.join(" x ", keys) + ", one panel per search rank r.", data, layout);
  }
}
