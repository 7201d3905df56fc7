package org.basinbench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;

/**
 * The Plotly pieces the views share: the layout, axes, panel grid and facet titles, line, band
 * and error-bar traces, the series colours, and row columns as trace data. Every view's
 * figure is built from these, so all figures of a report look alike.
 */
final class Traces {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

  private Traces() {}

  /** The colour of the {@code i}-th series, cycling through the palette. */
  static String color(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** A layout of {@code height} pixels: margins, closest-point hover, the legend below the plot. */
  static ObjectNode layout(int height) {
    ObjectNode l = JSON.createObjectNode();
    l.put("height", height);
    l.putObject("margin").put("t", 40).put("r", 20).put("b", 60).put("l", 70);
    l.put("hovermode", "closest");
    l.putObject("legend").put("orientation", "h").put("y", -0.25);
    return l;
  }

  /** Titles (and log scales) of the axes of panel {@code ax} ("" for the first); returns the x axis. */
  static ObjectNode axes(ObjectNode layout, String ax, String xTitle, String yTitle, boolean logX,
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

  /** {@code columns} independent panels side by side; nothing for one panel. */
  static void grid(ObjectNode layout, int columns) {
    if (columns > 1) {
      layout.putObject("grid").put("rows", 1).put("columns", columns).put("pattern", "independent");
    }
  }

  /** A layout of two panels side by side against the same x, panel 2 on the right. */
  static ObjectNode twoPanels(String xTitle, String leftTitle, String rightTitle, boolean logX) {
    ObjectNode layout = layout(420);
    axes(layout, "", xTitle, leftTitle, logX, false);
    axes(layout, "2", xTitle, rightTitle, logX, false);
    grid(layout, 2);
    return layout;
  }

  /** {@code text} centred above panel {@code ax}. */
  static void facetTitle(ObjectNode layout, String ax, String text) {
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

  /** A line with markers on panel {@code ax}, in the legend group of its name. */
  static ObjectNode line(String name, String ax, String color, ArrayNode x, ArrayNode y) {
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
  static void band(ArrayNode data, String group, String ax, String color, ArrayNode x, ArrayNode lo,
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

  /**
   * Error bars on {@code trace} from the Wilson 95% interval of each row: from {@code ci_low} to
   * {@code ci_high} around the value of {@code column}.
   */
  static void wilsonErrorBars(ObjectNode trace, List<Row> pts, String column) {
    ObjectNode err = trace.putObject("error_y");
    err.put("type", "data");
    err.put("symmetric", false);
    ArrayNode plus = err.putArray("array");
    ArrayNode minus = err.putArray("arrayminus");
    for (Row r : pts) {
      double v = r.<Double>getAs(column);
      plus.add(r.<Double>getAs(Schema.CI_HIGH) - v);
      minus.add(v - r.<Double>getAs(Schema.CI_LOW));
    }
  }

  /** Hover data of cell rows: {@code [ci_low, ci_high, trials, cell_id]} per point. */
  static ArrayNode customCells(List<Row> pts) {
    ArrayNode c = JSON.createArrayNode();
    for (Row r : pts) {
      c.addArray().add(r.<Double>getAs(Schema.CI_LOW)).add(r.<Double>getAs(Schema.CI_HIGH))
          .add(r.<Long>getAs(Schema.TRIALS)).add(r.<String>getAs(Schema.CELL_ID));
    }
    return c;
  }

  static ArrayNode xs(List<Row> rows, String column) {
    return ys(rows, column);
  }

  /** The values of {@code column}, a non-finite or missing one as null (a gap in the line). */
  static ArrayNode ys(List<Row> rows, String column) {
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
}
