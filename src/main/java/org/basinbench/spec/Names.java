package org.basinbench.spec;

import java.util.Collection;

/** Suggests the closest valid name for a misspelt field or value. */
final class Names {
  private Names() {}

  /**
   * The candidate with the smallest case-insensitive edit distance to {@code given}, or
   * {@code null} when none is within half the given name's length (a suggestion that far off
   * would mislead more than help).
   */
  static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = editDistance(given.toLowerCase(), c.toLowerCase());
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    return bestDistance <= Math.max(2, given.length() / 2) ? best : null;
  }

  /**
   * Optimal-string-alignment distance: Levenshtein plus transposition of adjacent characters
   * at cost 1, the commonest typo ("pdg" for "pgd").
   */
  static int editDistance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  static String suggestion(String given, Collection<String> candidates) {
    String c = closest(given, candidates);
    return c == null ? "" : " (did you mean \"" + c + "\"?)";
  }
}
