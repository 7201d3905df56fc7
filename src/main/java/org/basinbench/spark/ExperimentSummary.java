package org.basinbench.spark;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * What a finished experiment reports back to the driver: its cells-table rows (small: one per
 * cell), outcome totals, where the tables went, and how long it took; {@code skipped} when
 * it was already complete in the output directory and read back instead of run.
 */
public record ExperimentSummary(
    String experiment,
    long totalTrials,
    int cells,
    Map<String, Long> outcomes,
    List<Row> cellRows,
    List<String> tablePaths,
    String manifestPath,
    double seconds,
    boolean skipped) {}
