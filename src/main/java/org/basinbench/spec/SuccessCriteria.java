package org.basinbench.spec;

import java.io.Serializable;

/**
 * How a trial's end point is labelled.
 *
 * @param relError a trial is a {@code SUCCESS} when {@code ||U U^T - M*||_F / ||M*||_F <= relError}
 * @param spuriousDist a stationary end point is {@code SPURIOUS} when its relative distance
 *     {@code ||U U^T - U0 U0^T||_F / ||U0 U0^T||_F} to a catalogued spurious point is at most this
 */
public record SuccessCriteria(double relError, double spuriousDist) implements Serializable {
  public static final double DEFAULT_REL_ERROR = 1e-3;
  public static final double DEFAULT_SPURIOUS_DIST = 1e-3;
}
