package org.basinbench.report;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.basinbench.spark.Schema;
import org.basinbench.spec.Columns;

/**
 * The certificates of an experiment, as an HTML table (no figure): a row per instance, draw and
 * catalogued point, with those of the columns in {@code CERTIFICATE_COLUMNS} the table has
 * (family and sizes, point and its kind, loss, KKT residual, curvature and its bound, delta
 * and how it was found, the reference); the first {@link #MAX_CERTIFICATES} rows in
 * {@code instance_id, draw, point} order. Reads the certificates table.
 */
final class CertificatesView {
  /** Certificate rows listed per experiment; the table holds them all. */
  static final int MAX_CERTIFICATES = 200;
  private static final List<String> CERTIFICATE_COLUMNS = List.of(Columns.FAMILY.name(), Columns.N.name(), Columns.R_STAR.name(),
      Columns.R.name(), Columns.ALPHA.name(), Columns.EPSILON.name(), Columns.LAMBDA.name(), Schema.DRAW, Schema.POINT, Schema.POINT_KIND,
      Schema.LOSS, Schema.LOSS_ABOVE_TRUTH, Schema.KKT_RESIDUAL, Schema.CURVATURE_MIN, Schema.CURVATURE_BOUND,
      Schema.DELTA_FORMULA, Schema.DELTA_NUMERIC, Schema.DELTA_METHOD, Schema.REFERENCE);

  private CertificatesView() {}

  /** Appends the heading, a note and the table of {@code c} to {@code body}. */
  static void append(Dataset<Row> c, StringBuilder body) {
    List<String> present = Arrays.asList(c.columns());
    List<String> cols = CERTIFICATE_COLUMNS.stream().filter(present::contains).toList();
    long total = c.count();
    List<Row> rows = c.orderBy(col(Schema.INSTANCE_ID), col(Schema.DRAW), col(Schema.POINT))
        .select(cols.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new))
        .limit(MAX_CERTIFICATES).collectAsList();
    body.append("<h3>Certificates</h3>\n<p class=\"note\">The catalogued points of each instance, checked"
        + " numerically");
    if (total > rows.size()) {
      body.append("; the first ").append(rows.size()).append(" of ").append(total).append(" rows");
    }
    body.append(".</p>\n<div class=\"scroll\"><table class=\"data\">\n<tr>");
    for (String col : cols) {
      body.append("<th>").append(Html.escape(col)).append("</th>");
    }
    body.append("</tr>\n");
    for (Row r : rows) {
      body.append("<tr>");
      for (int i = 0; i < cols.size(); i++) {
        Object v = r.get(i);
        body.append(v instanceof Number ? "<td class=\"num\">" : "<td>").append(Html.escape(number(v)))
            .append("</td>");
      }
      body.append("</tr>\n");
    }
    body.append("</table></div>\n");
  }

  /** A table value as text: a double to 6 significant digits, null as empty. */
  private static String number(Object v) {
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.6g", d);
    }
    return v == null ? "" : v.toString();
  }
}
