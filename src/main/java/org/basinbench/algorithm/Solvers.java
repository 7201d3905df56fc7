package org.basinbench.algorithm;

import java.util.ArrayList;
import java.util.List;
import org.basinbench.solver.NmfConfig;
import org.basinbench.solver.Safeguard;
import org.basinbench.solver.Stopping;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Field;
import org.basinbench.spec.Values;

/** What the built-in solver units share: the stopping and safeguard fields, keys and columns. */
final class Solvers {
  private Solvers() {}

  /** Budget and stopping rules, shared by every solver that tests stationarity. */
  static List<Field> stopping(long defaultMaxIter) {
    return List.of(
        Field.integer("maxIter", false, defaultMaxIter, 1, 100_000_000L, true),
        Field.number("tol", false, 1e-8, 0, false, Double.NaN, true),
        Field.number("relTol", false, 0.0, 0, false, Stopping.MAX_REL_TOL, true),
        Field.integer("stallWindow", false, 0L, 0, 100_000_000L, true),
        Field.number("stallTol", false, 1e-6, 0, false, Double.NaN, true));
  }

  /** The thresholding safeguard's fields (pgd and mu). */
  static List<Field> safeguard() {
    return List.of(
        Field.number("threshold", false, null, 0, true, Double.NaN, true),
        Field.number("perturb", false, 1e-3, 0, true, Double.NaN, true),
        Field.integer("restarts", false, 10L, 1, 1000, false));
  }

  /** The MU denominator guard. */
  static Field eps() {
    return Field.number("eps", false, NmfConfig.DEFAULT_EPS, 0, true, Double.NaN, true);
  }

  static List<Field> concat(List<Field> a, List<Field> b) {
    List<Field> all = new ArrayList<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  @SafeVarargs
  static List<org.basinbench.spec.Column> concatColumns(List<org.basinbench.spec.Column>... parts) {
    List<org.basinbench.spec.Column> all = new ArrayList<>();
    for (List<org.basinbench.spec.Column> p : parts) {
      all.addAll(p);
    }
    return List.copyOf(all);
  }

  static Stopping stopping(Values c) {
    return new Stopping(c.integer("maxIter"), c.number("tol"), c.number("relTol"), c.integer("stallWindow"),
        c.number("stallTol"));
  }

  /** The safeguard, or null when no threshold is given. */
  static Safeguard safeguard(Values c) {
    return c.has("threshold") ? new Safeguard(c.number("threshold"), c.number("perturb"), c.integer("restarts"))
        : null;
  }

  /**
   * The key suffix of the stopping rules beyond budget and tolerance: empty for the plain
   * rules, so that the cell ids published before these rules existed stay the same.
   */
  static String stoppingKey(Stopping stop) {
    return (stop.relTol() == 0 ? "" : ";relTol=" + Canonical.bits(stop.relTol()))
        + (stop.stallWindow() == 0 ? "" : ";stallWindow=" + stop.stallWindow() + ";stallTol="
            + Canonical.bits(stop.stallTol()));
  }

  /** The readable form of the stopping rules. */
  static String describeStopping(Stopping stop) {
    return " maxIter=" + stop.maxIter() + " tol=" + stop.tol()
        + (stop.relTol() == 0 ? "" : " relTol=" + stop.relTol())
        + (stop.stallWindow() == 0 ? "" : " stall=" + stop.stallTol() + "/" + stop.stallWindow());
  }

  /** The safeguard's key suffix. */
  static String safeguardKey(Safeguard g) {
    return g == null ? "" : ";threshold=" + Canonical.bits(g.tau()) + ";perturb=" + Canonical.bits(g.perturb())
        + ";restarts=" + g.restarts();
  }

  static String describeSafeguard(Safeguard g) {
    return g == null ? "" : " threshold=" + g.tau() + " perturb=" + g.perturb() + " restarts=" + g.restarts();
  }

  static void safeguardColumns(ColumnValues m, Safeguard g) {
    m.put(Columns.THRESHOLD, g == null ? null : g.tau());
    m.put(Columns.PERTURB, g == null ? null : g.perturb());
  }
}
