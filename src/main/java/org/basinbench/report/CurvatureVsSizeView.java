package org.basinbench.report;

import static org.basinbench.report.CellRows.distinct;
import static org.basinbench.report.CellRows.group;
import static org.basinbench.report.CellRows.varying;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.color;
import static org.basinbench.report.Traces.line;
import static org.basinbench.report.Traces.twoPanels;
import static org.basinbench.report.Traces.wilsonErrorBars;
import static org.basinbench.report.Traces.xs;
import static org.basinbench.report.Traces.ys;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * Curvature vs size (figure {@code size}), two panels against size {@code n}: the curvature's
 * {@code sigma_over_mu}, and {@code fraction_convex} with Wilson error bars ({@code ci_low},
 * {@code ci_high}); a line per {@code segment} kind and varying parameter other than the sizes.
 * Reads the curvature table; drawn when at least two sizes occur.
 */
final class CurvatureVsSizeView {
  /** Size parameters (a zip group in the size ablation): the x axis of the curvature-vs-size view. */
  private static final Set<String> SIZE_PARAMETERS = Set.of(Columns.N.name(), Columns.M.name(), Columns.R.name(), Columns.R_STAR.name());

  private CurvatureVsSizeView() {}

  /** The figure, or null when the curvature rows do not span two sizes. */
  static Figures.Figure figure(List<Row> rows) {
    if (distinct(rows, Columns.N.name()).size() < 2) {
      return null;
    }
    List<String> keys = new ArrayList<>(List.of(Schema.SEGMENT));
    keys.addAll(varying(rows, SIZE_PARAMETERS));
    ArrayNode data = JSON.createArrayNode();
    int i = 0;
    for (Map.Entry<String, List<Row>> s : group(rows, keys).entrySet()) {
      List<Row> pts = new ArrayList<>(s.getValue());
      pts.sort(Comparator.comparingInt(r -> r.<Integer>getAs(Columns.N.name())));
      String color = color(i++);
      ObjectNode sigma = line(s.getKey(), "", color, xs(pts, Columns.N.name()), ys(pts, Schema.SIGMA_OVER_MU));
      sigma.put("hovertemplate", "n %{x}<br>sigma/mu %{y:.3g}");
      data.add(sigma);
      ObjectNode convex = line(s.getKey(), "2", color, xs(pts, Columns.N.name()), ys(pts, Schema.FRACTION_CONVEX));
      convex.put("showlegend", false);
      wilsonErrorBars(convex, pts, Schema.FRACTION_CONVEX);
      convex.put("hovertemplate", "n %{x}<br>fraction convex %{y:.4f}");
      data.add(convex);
    }
    ObjectNode layout = twoPanels("size n", "sigma / mu of the curvature", "fraction convex", true);
    return new Figures.Figure("size", "Curvature vs size", "Left: standard deviation over mean of the segment"
        + " curvature; right: the fraction of convex segments with its Wilson 95% interval.", data, layout);
  }
}
