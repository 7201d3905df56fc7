package org.basinbench.spec;

import java.util.List;

/**
 * An experiment spec is invalid. Carries every problem found in the file, one line each,
 * each naming the JSON path and the allowed range, so that a user fixes a spec in one pass.
 */
public final class SpecException extends Exception {
  private final List<String> problems;

  public SpecException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public SpecException(String problem) {
    this(List.of(problem));
  }

  /** The problems, one line each, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
