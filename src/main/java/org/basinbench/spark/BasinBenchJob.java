package org.basinbench.spark;

import org.basinbench.spec.Columns;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.basinbench.landscape.CertificateRow;
import org.basinbench.landscape.Certificates;
import org.basinbench.rng.Seeds;
import org.basinbench.rng.SplitMix64;
import org.basinbench.run.Intervals;
import org.basinbench.run.TrialRunner;
import org.basinbench.run.Outcome;
import org.basinbench.run.Version;
import org.basinbench.spec.Cell;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.InstanceSpec;

/**
 * The Monte Carlo job: an experiment's trial keys are split into strided slices, distributed
 * ({@code mapPartitions}, one workspace per partition), and written as the trials table, one
 * file per task with its rows in (cell, trial) order, in one Spark job without a shuffle. The
 * same tasks count each cell's outcomes and iterations ({@link CellTally}), from which the
 * driver forms the cells table without reading the trials back. Every table is staged and
 * published only when complete.
 */
public final class BasinBenchJob {
  static final String TRIALS_TABLE = "trials";
  static final String CELLS_TABLE = "cells";
  static final String CERTIFICATES_TABLE = "certificates";
  static final String TRAJECTORY_TABLE = "trajectory";
  static final String SEGMENTS_TABLE = "segments";
  static final String CURVATURE_TABLE = "curvature";
  /** Staging only: trials with their traces and segments, split into their tables. */
  static final String TRACED_TRIALS = "traced-trials";

  /**
   * Whether the trials go through the staging form (with nested traces and segments): when
   * they are split into several tables, and when real-data trials must be relabelled by the
   * best loss of their instance, which is known only once every trial has run.
   */
  static boolean staged(Experiment e) {
    return e.trajectories() || !e.segments().isEmpty() || BestKnown.applies(e);
  }
  /** Stream tag of the certificates' direction sampling (trial streams use other tags). */
  static final long STREAM_CERTIFICATES = 3;
  /**
   * Tasks per core. Every task writes one file of the trials table, so this is also files per
   * core: few, so that a small run does not write hundreds of tiny files. Balance does not need
   * more (strided slices give every task its share of every cell, see {@link TaskSlice}); a few
   * rather than one let faster cores take more tasks and move the progress line, which advances
   * as tasks end.
   */
  static final int TASKS_PER_CORE = 4;
  /** Trials per task at most, so that very large runs still report progress often. */
  static final long MAX_TRIALS_PER_TASK = 5_000L;

  /**
   * Settings of one invocation.
   *
   * @param out output root (local path or Hadoop URI)
   * @param partitions tasks per round (0: from the cluster's parallelism)
   * @param progressTty redraw the progress line in place (a terminal) rather than print lines
   * @param force recompute experiments whose tables are complete, and replace the tables of an
   *     experiment that an earlier, different spec of the same name wrote
   * @param await wait for another run that holds the output directory's lock, instead of refusing
   */
  public record Options(String out, int partitions, boolean progressTty, boolean force, boolean await) {
    public Options(String out, int partitions, boolean progressTty, boolean force) {
      this(out, partitions, progressTty, force, false);
    }

    public Options(String out, int partitions, boolean progressTty) {
      this(out, partitions, progressTty, false);
    }
  }

  private final SparkSession spark;
  private final Options options;
  private final PrintStream err;

  public BasinBenchJob(SparkSession spark, Options options, PrintStream err) {
    this.spark = spark;
    this.options = options;
    this.err = err;
  }

  /**
   * Checks the output location before any work, creates nothing: it must be usable, and
   * (unless {@code force}) no experiment may have tables there from a different spec.
   */
  public void checkOutput(List<Experiment> experiments) throws OutputException, IOException {
    try (OutputLayout layout = OutputLayout.open(options.out(), spark.sparkContext().hadoopConfiguration())) {
      checkConflicts(experiments, layout);
    }
  }

  private void checkConflicts(List<Experiment> experiments, OutputLayout layout) throws OutputException,
      IOException {
    if (options.force()) {
      return;
    }
    List<String> conflicts = new ArrayList<>();
    for (Experiment e : experiments) {
      OutputLayout.Recorded r = layout.recorded(e.name());
      if (r != null && !e.specHash().equals(r.specHash())) {
        conflicts.add("--out: experiment \"" + e.name() + "\" in " + options.out() + " was run from a different spec ("
            + r.source() + ", spec hash " + abbrev(r.specHash()) + "; this spec " + abbrev(e.specHash())
            + "); rename the experiment, choose another --out, or give --force to replace its tables");
      }
    }
    if (!conflicts.isEmpty()) {
      throw new OutputException(String.join("\n", conflicts));
    }
  }

  private static String abbrev(String hash) {
    return hash == null ? "none" : hash.substring(0, Math.min(12, hash.length()));
  }

  /** Runs every experiment in order; each is published as soon as it completes. */
  public List<ExperimentSummary> run(List<Experiment> experiments) throws OutputException, IOException {
    try (OutputLayout layout = OutputLayout.open(options.out(), spark.sparkContext().hadoopConfiguration())) {
      // One writer at a time: the conflict check and everything after run under the lock.
      layout.lock(options.await(), err);
      try {
        checkConflicts(experiments, layout);
      } catch (OutputException | IOException | RuntimeException e) {
        layout.unlock();
        throw e;
      }
      return run(experiments, layout);
    }
  }

  private List<ExperimentSummary> run(List<Experiment> experiments, OutputLayout layout) throws IOException,
      OutputException {
    Thread cleanup = new Thread(layout::cleanup, "basinbench-staging-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      for (String other : layout.otherStagingDirectories()) {
        err.println("note: " + other + " belongs to another run, still going or interrupted; if none is"
            + " running, it is safe to delete");
      }
      layout.claim();
      List<ExperimentSummary> out = new ArrayList<>();
      for (Experiment e : experiments) {
        ExperimentSummary done = options.force() ? null : alreadyComplete(e, layout);
        if (done != null) {
          err.println("note: experiment " + e.name() + " is already complete in " + options.out()
              + " (same spec hash); skipped it (--force recomputes)");
          out.add(done);
        } else {
          out.add(runOne(e, layout));
        }
      }
      return out;
    } finally {
      layout.cleanup();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook runs anyway.
      }
    }
  }

  /**
   * The summary of an experiment whose manifest records this very spec and whose tables are
   * all in place, read back from them; null when it must be run.
   */
  private ExperimentSummary alreadyComplete(Experiment e, OutputLayout layout) throws IOException,
      OutputException {
    OutputLayout.Recorded r = layout.recorded(e.name());
    if (r == null || !e.specHash().equals(r.specHash()) || r.tables().isEmpty()) {
      return null;
    }
    for (String t : r.tables()) {
      if (!layout.exists(layout.published(t, e.name()))) {
        return null;
      }
    }
    List<Row> cellRows = spark.read().parquet(layout.published(CELLS_TABLE, e.name()).toString())
        .orderBy(col(Schema.CELL_INDEX)).collectAsList();
    return new ExperimentSummary(e.name(), r.totalTrials(), cellRows.size(), r.outcomes(), cellRows,
        r.tables().stream().map(t -> layout.published(t, e.name()).toString()).toList(),
        layout.manifest(e.name()).toString(), r.seconds(), true);
  }

  /** Number of tasks for {@code total} trials. Results never depend on it. */
  static int partitionsFor(long total, int defaultParallelism, int requested) {
    if (requested > 0) {
      return (int) Math.min(requested, total);
    }
    long byCores = (long) TASKS_PER_CORE * Math.max(1, defaultParallelism);
    long bySize = (total + MAX_TRIALS_PER_TASK - 1) / MAX_TRIALS_PER_TASK;
    return (int) Math.max(1, Math.min(total, Math.min(100_000, Math.max(byCores, bySize))));
  }

  /** The {@code parts} strided slices of a round (see {@link TaskSlice}). */
  static List<TaskSlice> slices(int parts) {
    List<TaskSlice> out = new ArrayList<>(parts);
    for (int i = 0; i < parts; i++) {
      out.add(new TaskSlice(i, parts));
    }
    return out;
  }

  private ExperimentSummary runOne(Experiment e, OutputLayout layout) throws IOException {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    int nCells = e.cells().size();
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<Experiment> b = jsc.broadcast(e);
    jsc.setJobGroup("basinbench-" + e.name(), "BasinBench experiment " + e.name(), true);
    try {
      boolean traced = staged(e);
      StructType schema = traced ? Schema.TRIALS_STAGING_SCHEMA : Schema.TRIALS_SCHEMA;
      String stagedTrials = layout.staged(TRIALS_TABLE, e.name());
      // The trial tasks write the trials table itself, or its staging form (split afterwards).
      String written = traced ? layout.staged(TRACED_TRIALS, e.name()) : stagedTrials;
      long[] done = new long[nCells];
      CellTally counts = new CellTally();
      CurvatureTally curvatures = e.segments().isEmpty() ? null : new CurvatureTally();
      WorkPlan plan = WorkPlan.firstRound(nCells, e.trials());
      int rounds = 0;
      while (plan.size() > 0) {
        // Each task writes its own file, its rows in (cell, trial) order (see TaskSlice): no
        // shuffle. The cells are counted by the same tasks, as they produce the rows.
        CellTally tally = tally(jsc);
        CurvatureTally roundCurvatures = null;
        if (curvatures != null) {
          roundCurvatures = new CurvatureTally();
          jsc.sc().register(roundCurvatures);
        }
        String label = e.adaptive() == null ? e.name() : e.name() + " round " + (rounds + 1);
        try (Progress p = progress(label, plan, tally, nCells)) {
          roundRows(jsc, b, plan, schema, tally, roundCurvatures).write().mode(rounds == 0 ? SaveMode.ErrorIfExists : SaveMode.Append)
              .parquet(written);
        }
        rounds++;
        long[] planned = plan.trialsPerCell(nCells);
        long[][] counted = tally.trialsAndFailures(nCells);
        if (!java.util.Arrays.equals(planned, counted[0])) {
          throw new IllegalStateException("experiment " + e.name() + ": " + tally.total() + " trials counted in round "
              + rounds + ", expected " + plan.size() + " (per cell " + java.util.Arrays.toString(planned)
              + "); nothing was published");
        }
        counts.merge(tally);
        if (curvatures != null) {
          curvatures.merge(roundCurvatures);
        }
        for (int c = 0; c < nCells; c++) {
          done[c] += planned[c];
        }
        if (e.adaptive() == null) {
          break;
        }
        // Adaptive: the outcomes so far decide the next round.
        long[] failures = counts.trialsAndFailures(nCells)[1];
        long[] target = new long[nCells];
        for (int c = 0; c < nCells; c++) {
          double[] ci = Intervals.wilson(done[c], failures[c]);
          target[c] = e.adaptive().nextTrials(done[c], failures[c], (ci[1] - ci[0]) / 2);
        }
        plan = WorkPlan.nextRound(done, target);
      }
      long total = java.util.Arrays.stream(done).sum();
      if (traced) {
        split(e, layout, written, stagedTrials);
      }
      if (curvatures != null) {
        writeOneFile(CurvatureAggregation.rows(e, curvatures.value()), CurvatureAggregation.SCHEMA,
            layout.staged(CURVATURE_TABLE, e.name()));
      }
      List<Row> cellRows = BestKnown.applies(e)
          // Relabelled after the trials ran: the tasks' counts hold the provisional labels.
          ? CellsAggregation.aggregate(spark.read().schema(Schema.TRIALS_SCHEMA).parquet(stagedTrials)).collectAsList()
          : CellsAggregation.rows(e, counts.value());
      Map<String, Long> outcomes = new LinkedHashMap<>();
      long counted = 0;
      for (Outcome o : Outcome.values()) {
        long c = cellRows.stream().mapToLong(r -> r.<Long>getAs(Schema.outcomeCount(o))).sum();
        outcomes.put(o.name(), c);
        counted += c;
      }
      if (counted != total) {
        throw new IllegalStateException("experiment " + e.name() + ": " + counted + " trials aggregated, expected "
            + total + "; nothing was published");
      }
      writeOneFile(cellRows, CellsAggregation.SCHEMA, layout.staged(CELLS_TABLE, e.name()));
      writeOneFile(certificates(jsc, e), Schema.CERTIFICATES_SCHEMA, layout.staged(CERTIFICATES_TABLE, e.name()));
      double seconds = (System.nanoTime() - t0) / 1e9;
      List<String> tables = new ArrayList<>(List.of(TRIALS_TABLE, CELLS_TABLE, CERTIFICATES_TABLE));
      if (e.trajectories()) {
        tables.add(TRAJECTORY_TABLE);
      }
      if (!e.segments().isEmpty()) {
        tables.add(SEGMENTS_TABLE);
        tables.add(CURVATURE_TABLE);
      }
      String manifest = manifest(e, started, seconds, outcomes, tables, total, done, rounds);
      layout.publish(e.name(), tables, manifest);
      return new ExperimentSummary(e.name(), total, nCells, outcomes, cellRows,
          tables.stream().map(t -> layout.published(t, e.name()).toString()).toList(),
          layout.manifest(e.name()).toString(), seconds, false);
    } finally {
      jsc.clearJobGroup();
      b.destroy();
    }
  }

  /** A small table built on the driver, written as one file in the given row order. */
  private void writeOneFile(List<Row> rows, StructType schema, String path) {
    spark.createDataFrame(rows, schema).coalesce(1).write().parquet(path);
  }

  /**
   * Splits the staged trials (with their nested traces and segments) into the trials table and
   * the trajectory and segments tables (the curvature table comes from the tasks' tallies). The staged files are each in (cell, trial)
   * order, but a read partition may hold several of them, so every table is sorted within its
   * partitions (a local sort: no shuffle).
   */
  private void split(Experiment e, OutputLayout layout, String raw, String stagedTrials) {
    Dataset<Row> back = spark.read().schema(Schema.TRIALS_STAGING_SCHEMA).parquet(raw);
    if (BestKnown.applies(e)) {
      // Real data: label each trial against the best loss of its instance.
      back = BestKnown.reclassify(back, e);
    }
    back.drop(Schema.TRACE, Schema.SEGMENTS).sortWithinPartitions(col(Schema.CELL_INDEX), col(Schema.TRIAL))
        .write().parquet(stagedTrials);
    if (e.trajectories()) {
      back.select(col(Schema.CELL_ID), col(Schema.CELL_INDEX), col(Columns.FAMILY.name()), col(Columns.SOLVER_NAME.name()),
              col(Schema.TRIAL), explode(col(Schema.TRACE)).as("c"))
          .select(col(Schema.CELL_ID), col(Schema.CELL_INDEX), col(Columns.FAMILY.name()), col(Columns.SOLVER_NAME.name()),
              col(Schema.TRIAL), col("c.*"))
          .sortWithinPartitions(col(Schema.CELL_INDEX), col(Schema.TRIAL), col(Schema.ITERATION))
          .write().parquet(layout.staged(TRAJECTORY_TABLE, e.name()));
    }
    if (!e.segments().isEmpty()) {
      List<org.apache.spark.sql.Column> keep = new ArrayList<>();
      for (org.apache.spark.sql.types.StructField f : Schema.CELL_FIELDS) {
        keep.add(col(f.name()));
      }
      keep.add(col(Schema.TRIAL));
      List<org.apache.spark.sql.Column> flat = new ArrayList<>(keep);
      keep.add(explode(col(Schema.SEGMENTS)).as("s"));
      flat.add(col("s.*"));
      back.select(keep.toArray(org.apache.spark.sql.Column[]::new))
          .select(flat.toArray(org.apache.spark.sql.Column[]::new))
          .sortWithinPartitions(col(Schema.CELL_INDEX), col(Schema.TRIAL), col(Schema.SEGMENT))
          .write().parquet(layout.staged(SEGMENTS_TABLE, e.name()));
    }
  }

  /** A fresh tally of one round's trials, registered unnamed (so Spark does not copy it into every task's listener event). */
  private static CellTally tally(JavaSparkContext jsc) {
    CellTally c = new CellTally();
    jsc.sc().register(c);
    return c;
  }

  /** The (lazy) rows of one round's trials, in tasks of strided round-wide trial numbers. */
  private Dataset<Row> roundRows(JavaSparkContext jsc, Broadcast<Experiment> b, WorkPlan plan, StructType schema,
      CellTally counter, CurvatureTally curvatures) {
    int parts = partitionsFor(plan.size(), jsc.defaultParallelism(), options.partitions());
    JavaRDD<Row> rows = jsc.parallelize(slices(parts), parts)
        .mapPartitions(new TrialPartition(b, plan, counter, curvatures, FaultInjection.from(jsc.getConf())));
    return spark.createDataFrame(rows, schema);
  }

  private Progress progress(String label, WorkPlan plan, CellTally counter, int cells) {
    long[] perCell = plan.trialsPerCell(cells);
    return new Progress(err, label, plan.size(), counter::total, plan.cells(), () -> counter.cellsReaching(perCell),
        options.progressTty());
  }

  /**
   * Certificate rows of every distinct instance of the experiment, for its first
   * {@link Experiment#certifiedDraws(InstanceSpec)} draws, computed on the executors (a random
   * family's draw can build a dense operator; one task item per (instance, draw)) and returned
   * in table order.
   */
  private List<Row> certificates(JavaSparkContext jsc, Experiment e) {
    Map<String, InstanceSpec> distinct = new LinkedHashMap<>();
    for (Cell c : e.cells()) {
      distinct.putIfAbsent(c.instance().canonicalKey(), c.instance());
    }
    List<InstanceSpec> instances = new ArrayList<>(distinct.values());
    List<int[]> keys = new ArrayList<>();
    for (int i = 0; i < instances.size(); i++) {
      for (int d = 0; d < e.certifiedDraws(instances.get(i)); d++) {
        keys.add(new int[] {i, d});
      }
    }
    int parts = partitionsFor(keys.size(), jsc.defaultParallelism(), 0);
    List<Row> rows = new ArrayList<>(jsc.parallelize(keys, parts).flatMap(new CertificateRows(instances, e.seed()))
        .collect());
    rows.sort(CERTIFICATE_ORDER);
    return rows;
  }

  /**
   * The certificates table's row order: by instance id and draw, the truth before the spurious
   * points, then by point name (strings as Spark SQL orders them: by their UTF-8 bytes).
   */
  static final java.util.Comparator<Row> CERTIFICATE_ORDER = certificateOrder();

  private static java.util.Comparator<Row> certificateOrder() {
    int id = Schema.CERTIFICATES_SCHEMA.fieldIndex(Schema.INSTANCE_ID);
    int draw = Schema.CERTIFICATES_SCHEMA.fieldIndex(Schema.DRAW);
    int kind = Schema.CERTIFICATES_SCHEMA.fieldIndex(Schema.POINT_KIND);
    int point = Schema.CERTIFICATES_SCHEMA.fieldIndex(Schema.POINT);
    java.util.Comparator<String> utf8 = (x, y) -> java.util.Arrays.compareUnsigned(
        x.getBytes(java.nio.charset.StandardCharsets.UTF_8), y.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.util.Comparator.<Row, String>comparing(r -> r.getString(id), utf8)
        .thenComparingInt(r -> r.getInt(draw))
        .thenComparing(r -> r.getString(kind), utf8.reversed())
        .thenComparing(r -> r.getString(point), utf8);
  }

  /** Executor side of {@link #certificates}: the rows of one (instance, draw). */
  static final class CertificateRows implements org.apache.spark.api.java.function.FlatMapFunction<int[], Row> {
    private final List<InstanceSpec> instances;
    private final long specSeed;

    CertificateRows(List<InstanceSpec> instances, long specSeed) {
      this.instances = instances;
      this.specSeed = specSeed;
    }

    @Override
    public java.util.Iterator<Row> call(int[] key) {
      InstanceSpec inst = instances.get(key[0]);
      int draw = key[1];
      long instanceKey = Seeds.hash(inst.canonicalKey());
      String id = String.format("%016x", instanceKey).substring(0, 12);
      org.basinbench.instance.Problem problem =
          inst.problem(new SplitMix64(TrialRunner.instanceSeed(specSeed, instanceKey, draw)));
      List<Row> out = new ArrayList<>();
      for (CertificateRow c : Certificates.compute(problem, inst.ripDelta(),
          Seeds.derive(specSeed, instanceKey, draw, STREAM_CERTIFICATES))) {
        out.add(Schema.certificateRow(id, inst, draw, c));
      }
      return out.iterator();
    }
  }

  private String manifest(Experiment e, Instant started, double seconds, Map<String, Long> outcomes,
      List<String> tableNames, long total, long[] perCell, int rounds) throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("experiment", e.name());
    root.put("description", e.description());
    root.put("specHash", e.specHash());
    root.put("source", e.source());
    root.set("spec", m.readTree(e.specJson()));
    root.put("seed", e.seed());
    root.put("cells", e.cells().size());
    root.put("trialsPerCell", e.trials());
    root.put("totalTrials", total);
    // Which draws of each random instance the certificates table covers (0..N-1, N at most the
    // instance's draws; deterministic instances have one).
    root.putObject("certificates").put("draws", e.certifiedDraws());
    if (e.adaptive() != null) {
      ObjectNode a = root.putObject("adaptive");
      a.put("halfWidth", e.adaptive().halfWidth());
      a.put("maxTrials", e.adaptive().maxTrials());
      a.put("rounds", rounds);
      a.put("minTrialsPerCell", java.util.Arrays.stream(perCell).min().orElse(0));
      a.put("maxTrialsPerCell", java.util.Arrays.stream(perCell).max().orElse(0));
    }
    e.notes().forEach(root.putArray("skippedCombinations")::add);
    // The spec as expanded: one entry per cell, with the parameter columns of the tables.
    com.fasterxml.jackson.databind.node.ArrayNode expanded = root.putArray("expanded");
    for (Cell c : e.cells()) {
      ObjectNode cell = expanded.addObject();
      Object[] values = Schema.cellValues(c);
      for (int i = 0; i < values.length; i++) {
        if (values[i] == null) {
          continue; // a column that does not apply to this cell
        }
        cell.set(Schema.CELL_FIELDS.get(i).name(), m.valueToTree(values[i]));
      }
      cell.put("trials", perCell[c.index()]);
    }
    // The data files read (matrix-file), whose matrices' hashes enter the spec hash.
    Map<String, InstanceSpec.DataFile> data = new LinkedHashMap<>();
    for (Cell c : e.cells()) {
      InstanceSpec.DataFile f = c.instance().dataFile();
      if (f != null) {
        data.putIfAbsent(f.sha256(), f);
      }
    }
    if (!data.isEmpty()) {
      var files = root.putArray("data");
      for (InstanceSpec.DataFile f : data.values()) {
        ObjectNode d = files.addObject();
        d.put("path", f.path());
        d.put("format", f.format());
        d.put("dropLastColumn", f.dropLastColumn());
        d.put("downsample", f.downsample());
        d.put("rows", f.rows());
        d.put("cols", f.cols());
        d.put("sigma", f.sigma());
        d.put("sha256", f.sha256());
      }
    }
    ObjectNode oc = root.putObject("outcomes");
    outcomes.forEach(oc::put);
    // Families and solvers from users' jars (none for a run of the built-in units alone).
    org.basinbench.spec.Registry.get().extensions().forEach(root.putArray("extensions")::add);
    root.put("basinbenchVersion", Version.basinbench());
    root.put("gitCommit", Version.gitCommit());
    root.put("sparkVersion", spark.version());
    // Large products' last bits depend on the BLAS (see linalg.Blas): record the driver's.
    root.put("blas", org.basinbench.linalg.Blas.implementation());
    root.put("simd", org.basinbench.linalg.Simd.implementation());
    root.put("master", spark.sparkContext().master());
    root.put("startedAt", started.toString());
    root.put("finishedAt", Instant.now().toString());
    root.put("elapsedSeconds", Math.round(seconds * 1000) / 1000.0);
    ObjectNode tables = root.putObject("tables");
    for (String t : tableNames) {
      tables.put(t, t + "/experiment=" + e.name());
    }
    return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
  }
}
