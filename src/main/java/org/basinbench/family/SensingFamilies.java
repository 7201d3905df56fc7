package org.basinbench.family;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.basinbench.landscape.Certificates;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.Field;
import org.basinbench.spec.Values;

/**
 * What the two Gaussian-operator families ({@link GaussianSensingFamily},
 * {@link RobustSensingFamily}) share: the fields n, rStar, r, m and draws, their rules, and the
 * common part of their keys, descriptions and columns.
 */
final class SensingFamilies {
  private SensingFamilies() {}

  /** The fields before the family's own (n, rStar, r, m). */
  static List<Field> fields(List<Field> own) {
    List<Field> all = new ArrayList<>(List.of(
        Field.integer("n", true, null, 2, Limits.MAX_N, true),
        Field.integer("rStar", true, null, 1, Limits.MAX_N, true),
        Field.integer("r", true, null, 1, Limits.MAX_N, true),
        Field.integer("m", true, null, 1, 10_000_000, true)));
    all.addAll(own);
    all.add(Limits.draws());
    return List.copyOf(all);
  }

  /** The columns before the family's own, and draws after them. */
  static List<Column> columns(List<Column> own) {
    List<Column> all = new ArrayList<>(List.of(Columns.FAMILY, Columns.VARIANT, Columns.N, Columns.R_STAR, Columns.R,
        Columns.M));
    all.addAll(own);
    all.add(Columns.DRAWS);
    return List.copyOf(all);
  }

  static String rankBelowTruth(int rStar, int r) {
    return "r must be >= rStar (the search rank must reach the planted rank to recover it); got rStar=" + rStar
        + ", r=" + r;
  }

  /** The shared rules of a combination, or null when they hold. */
  static String problem(Values c) {
    int n = c.integer("n");
    int m = c.integer("m");
    int rStar = c.integer("rStar");
    int r = c.integer("r");
    if (r < rStar) {
      return rankBelowTruth(rStar, r);
    }
    if (r > n) {
      return "r must be <= n (U is n x r); got n=" + n + ", r=" + r;
    }
    return null;
  }

  /** The size rule, checked after the family's own rules, or null. */
  static String sizeProblem(Values c) {
    long n = c.integer("n");
    long m = c.integer("m");
    if (m * n * n > Limits.MAX_ENTRIES * 2) {
      return "m n^2 = " + m * n * n + " operator entries; at most " + Limits.MAX_ENTRIES * 2
          + " (the dense Gaussian operator of one draw, 160 MB)";
    }
    return null;
  }

  /** Applying the dense m x n^2 operator and its adjoint: 4 m n^2, plus 4 n^2 r for U U^T and the product. */
  static double flops(int n, int r, int m) {
    return 4.0 * m * n * n + 4.0 * n * n * r;
  }

  /** The canonical key's shared part. */
  static String key(String family, int n, int rStar, int r, int m) {
    return family + ";n=" + n + ";rStar=" + rStar + ";r=" + r + ";m=" + m;
  }

  /** The description's shared part. */
  static String describe(String family, int n, int rStar, int r, int m) {
    return String.format(Locale.ROOT, "%s n=%d rStar=%d r=%d m=%d", family, n, rStar, r, m);
  }

  /** The shared columns (draws is written by {@link #draws}). */
  static void columns(ColumnValues out, String family, int n, int rStar, int r, int m) {
    out.put(Columns.FAMILY, family);
    out.put(Columns.VARIANT, "symmetric");
    out.put(Columns.N, n);
    out.put(Columns.R_STAR, rStar);
    out.put(Columns.R, r);
    out.put(Columns.M, m);
  }

  /** The restricted constant over rank r + rStar, estimated by sampling (a lower bound). */
  static Certificates.Delta sampledDelta(int r, int rStar) {
    return new Certificates.Delta(Double.NaN, false, r + rStar, r + rStar);
  }
}
