package org.basinbench.report;

import static org.basinbench.report.Traces.JSON;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The report's figures, built as Plotly specs (data + layout) from an experiment's tables, one
 * view class each: {@link FailureVsDeltaView}, {@link OutcomesView}, {@link FailureVsBudgetView},
 * {@link BasinProfileView}, {@link CurvatureByKindView}, {@link CurvatureVsSizeView} and
 * {@link TrajectoriesView}, in that order. Every aggregation over trials, segments and
 * checkpoints runs in Spark; only per-cell or per-checkpoint summaries reach the driver, so a
 * figure's size does not grow with the number of trials. A figure is returned only when its
 * tables hold the data it needs.
 */
final class Figures {
  /** Relative accuracy 1/10000 of percentile_approx: far finer than a plot resolves. */
  static final int QUANTILE_ACCURACY = 10_000;

  /** An experiment's tables; null where the run did not write one. */
  record Tables(List<Row> cells, Dataset<Row> trials, Dataset<Row> segments, List<Row> curvature,
      Dataset<Row> trajectory) {}

  /**
   * One view's figure; its id is the experiment's prefix and {@code kind}.
   *
   * @param note the line under the title: what the marks show
   */
  record Figure(String kind, String title, String note, ArrayNode data, ObjectNode layout) {
    ObjectNode json(String prefix) {
      ObjectNode f = JSON.createObjectNode();
      f.put("id", prefix + kind);
      f.put("title", title);
      f.put("note", note);
      f.set("data", data);
      f.set("layout", layout);
      return f;
    }
  }

  private Figures() {}

  /** The figures of one experiment; ids start with {@code prefix}. */
  static List<ObjectNode> build(String prefix, Tables t) {
    List<Figure> figures = new ArrayList<>();
    if (t.cells() != null && !t.cells().isEmpty()) {
      figures.add(FailureVsDeltaView.figure(t.cells()));
      figures.add(OutcomesView.figure(t.cells()));
      figures.add(FailureVsBudgetView.figure(t.cells()));
      if (t.trials() != null) {
        figures.add(BasinProfileView.figure(t.cells(), t.trials()));
      }
    }
    if (t.segments() != null) {
      figures.add(CurvatureByKindView.figure(t.segments(), t.cells()));
    }
    if (t.curvature() != null && !t.curvature().isEmpty()) {
      figures.add(CurvatureVsSizeView.figure(t.curvature()));
    }
    if (t.trajectory() != null && t.cells() != null) {
      figures.add(TrajectoriesView.figure(t.trajectory(), t.cells()));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (Figure f : figures) {
      if (f != null) {
        out.add(f.json(prefix));
      }
    }
    return out;
  }
}
