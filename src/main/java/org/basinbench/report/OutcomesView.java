package org.basinbench.report;

import static org.basinbench.report.CellRows.firstByIndex;
import static org.basinbench.report.CellRows.label;
import static org.basinbench.report.CellRows.varying;
import static org.basinbench.report.Traces.JSON;
import static org.basinbench.report.Traces.axes;
import static org.basinbench.report.Traces.layout;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.basinbench.run.Outcome;
import org.basinbench.spark.Schema;

/**
 * Outcomes per cell (figure {@code outcomes}): the count of trials of each outcome, one stacked
 * bar per cell in {@code cell_index} order, labelled by the cell's varying parameters. Reads the
 * cells table's outcome count columns; drawn for every run with cells.
 */
final class OutcomesView {
  /** Cells drawn as bars in the outcome breakdown; the cells table holds them all. */
  static final int MAX_BAR_CELLS = 300;
  private static final Map<Outcome, String> OUTCOME_COLORS = Map.of(Outcome.SUCCESS, "#2ca02c", Outcome.SPURIOUS,
      "#d62728", Outcome.STATIONARY_OTHER, "#ff7f0e", Outcome.NOT_CONVERGED, "#7f7f7f", Outcome.DIVERGED,
      "#9467bd");

  private OutcomesView() {}

  /** The figure of the first {@link #MAX_BAR_CELLS} cells. */
  static Figures.Figure figure(List<Row> cells) {
    List<Row> rows = firstByIndex(cells, MAX_BAR_CELLS);
    String note = "Trials of each outcome per cell.";
    if (cells.size() > MAX_BAR_CELLS) {
      note += " The first " + MAX_BAR_CELLS + " of " + cells.size() + " cells; the cells table holds all.";
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
    return new Figures.Figure("outcomes", "Outcomes per cell", note, data, layout);
  }
}
