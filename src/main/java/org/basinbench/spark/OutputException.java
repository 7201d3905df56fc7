package org.basinbench.spark;

/** The output location cannot be used (a user error: exit code 2). */
public final class OutputException extends Exception {
  public OutputException(String message) {
    super(message);
  }
}
