package org.basinbench.report;

/** The report cannot be made from what it was given (no output directory, a bad --html path). */
public final class ReportException extends Exception {
  private static final long serialVersionUID = 1L;

  public ReportException(String message) {
    super(message);
  }
}
