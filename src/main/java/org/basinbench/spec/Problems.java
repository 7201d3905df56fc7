package org.basinbench.spec;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects validation problems of one spec file, without duplicates, in the order found. */
final class Problems {
  private final String source;
  private final Set<String> lines = new LinkedHashSet<>();

  Problems(String source) {
    this.source = source;
  }

  /** Records a problem at a JSON path such as {@code $.instance.alpha[2]}. */
  void add(String path, String message) {
    lines.add(source + ": " + path + ": " + message);
  }

  int size() {
    return lines.size();
  }

  void throwIfAny() throws SpecException {
    if (!lines.isEmpty()) {
      throw new SpecException(new ArrayList<>(lines));
    }
  }
}
