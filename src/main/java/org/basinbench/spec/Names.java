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

  /** Levenshtein distance by the two-row dynamic programme. */
  static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  static String suggestion(String given, Collection<String> candidates) {
    String c = closest(given, candidates);
    return c == null ? "" : " (did you mean \"" + c + "\"?)";
  }
}
