package org.basinbench.spec;

import java.io.Serializable;
import org.basinbench.rng.InitDistribution;

/**
 * One cell of an expanded experiment: a grid point (instance and starting-point law) paired
 * with one solver configuration. All cells of a grid point share {@code pointKey}, hence the
 * same trial seeds, hence the same starting points.
 *
 * @param index position in expansion order (0-based)
 * @param cellId stable id: a hash of the grid point and solver parameters, unchanged when other
 *     values are added to or removed from the grid
 * @param instance the problem instance
 * @param init the starting-point distribution
 * @param solver the solver and its configuration
 * @param pointKey hash of the grid point (instance and init), mixed into every trial seed
 * @param instanceKey hash of the instance alone, mixed into the seeds of its random draws (so
 *     every init and solver of a grid point sees the same drawn instances)
 */
public record Cell(
    int index, String cellId, InstanceSpec instance, InitDistribution init, SolverSpec solver, long pointKey,
    long instanceKey)
    implements Serializable {}
