package org.basinbench.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.basinbench.report.CellRows.distinct;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.axes;
import static org.basinbench.report.Traces.color;
import static org.basinbench.report.Traces.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * Segment curvature by kind (figure {@code curvature}): the distribution of {@code curvature}
 * (the minimum of l'' along a segment) per {@code segment} kind, as boxes of its 5%, 25%, 50%,
 * 75% and 95% quantiles, one box series per size {@code n} when the cells vary in n. The
 * quantiles are aggregated by Spark from the segments table; the cells table, when there is
 * one, says whether n varies. Drawn when some segment has a curvature.
 */
final class CurvatureByKindView {
  private CurvatureByKindView() {}

  /** The figure, or null when no segment has a curvature; {@code cells} may be null. */
  static Figures.Figure figure(Dataset<Row> segments, List<Row> cells) {
    boolean bySize = cells != null && distinct(cells, Columns.N.name()).size() > 1;
    List<Column> keys = new ArrayList<>(List.of(col(Schema.SEGMENT)));
    if (bySize) {
      keys.add(col(Columns.N.name()));
    }
    List<Row> rows = segments.where(col(Schema.CURVATURE).isNotNull())
        .groupBy(keys.toArray(Column[]::new))
        .agg(expr("percentile_approx(" + Schema.CURVATURE + ", array(0.05, 0.25, 0.5, 0.75, 0.95), "
            + Figures.QUANTILE_ACCURACY + ")").as("q"), count(lit(1)).as("count"))
        .orderBy(keys.toArray(Column[]::new)).collectAsList();
    if (rows.isEmpty()) {
      return null;
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
      box.putObject("marker").put("color", color(i++));
      data.add(box);
    }
    ObjectNode layout = layout(420);
    layout.put("boxmode", "group");
    axes(layout, "", "segment", "curvature (min of l'' on the segment)", false, false);
    return new Figures.Figure("curvature", "Segment curvature by kind", "Box: quartiles; whiskers: 5% and 95%"
        + " quantiles" + (bySize ? "; one box per size n" : "") + ". Negative: the loss is not convex along the"
        + " segment.", data, layout);
  }
}
