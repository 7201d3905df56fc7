package org.basinbench.spark;

import java.io.Serializable;

/** A contiguous range {@code [start, end)} of an experiment's global trial indices: one task. */
record TrialRange(long start, long end) implements Serializable {}
