package org.basinbench.spark;

import org.basinbench.spec.Columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.basinbench.run.Intervals;
import org.basinbench.run.Outcome;
import org.basinbench.run.TrialResult;
import org.basinbench.run.TrialRunner;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BasinBenchJobTest {
  static final int TRIALS = 40;
  static final String SPEC = """
      {"experiment": "small", "seed": 3, "trials": %d,
       "instance": {"family": "nonneg-counterexample", "n": 3, "rStar": 1, "r": 1,
                    "alpha": [0.3, 0.8], "epsilon": 0.5},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 3000}, {"name": "pgd", "step": 0.2, "maxIter": 3}]}
      """.formatted(TRIALS);

  static SparkSession spark;
  static Experiment experiment;

  @TempDir
  Path tmp;

  @BeforeAll
  static void setUp() throws Exception {
    spark = TestSpark.session();
    experiment = SpecParser.parse(SPEC, "small.json").get(0);
  }

  static List<ExperimentSummary> run(Path out, int partitions) throws Exception {
    BasinBenchJob job = new BasinBenchJob(spark, new BasinBenchJob.Options(out.toString(), partitions, false),
        new PrintStream(new ByteArrayOutputStream()));
    return job.run(List.of(experiment));
  }

  static List<Row> sortedTrials(Path out) {
    // Every column but the wall time is a function of the spec.
    Dataset<Row> t = spark.read().parquet(out.resolve("trials").resolve("experiment=small").toString())
        .drop(Schema.WALL_MS);
    List<Row> rows = new ArrayList<>(t.collectAsList());
    rows.sort(Comparator.comparing((Row r) -> r.<Integer>getAs(Schema.CELL_INDEX))
        .thenComparing(r -> r.<Integer>getAs(Schema.TRIAL)));
    return rows;
  }

  static List<Row> cellsInOrder(Path out) {
    return spark.read().parquet(out.resolve("cells/experiment=small").toString()).collectAsList();
  }

  @Test
  void writesBothTablesWithConsistentCounts() throws Exception {
    Path out = tmp.resolve("out");
    ExperimentSummary s = run(out, 0).get(0);
    int cells = experiment.cells().size();
    assertEquals(4, cells);
    assertEquals((long) cells * TRIALS, s.totalTrials());
    assertEquals((long) cells * TRIALS, sortedTrials(out).size());

    List<Row> cellRows = spark.read().parquet(out.resolve("cells/experiment=small").toString())
        .collectAsList();
    assertEquals(cells, cellRows.size());
    for (Row r : cellRows) {
      long trials = r.<Long>getAs(Schema.TRIALS);
      assertEquals(TRIALS, trials);
      long sum = 0;
      for (Outcome o : Outcome.values()) {
        sum += r.<Long>getAs(Schema.outcomeCount(o));
      }
      assertEquals(trials, sum, "outcome counts sum to trials");
      long failures = r.<Long>getAs(Schema.FAILURES);
      assertEquals(trials - r.<Long>getAs(Schema.SUCCESSES), failures);
      double rate = r.<Double>getAs(Schema.FAILURE_RATE);
      assertEquals((double) failures / trials, rate, 0.0);
      // The UDFs receive (trials, failures): the columns equal the Wilson interval of the failure rate.
      double[] ci = Intervals.wilson(trials, failures);
      assertEquals(ci[0], r.<Double>getAs(Schema.CI_LOW), 0.0);
      assertEquals(ci[1], r.<Double>getAs(Schema.CI_HIGH), 0.0);
    }
    // At alpha = 0.8 (delta = 0.78) the spurious minimum catches a visible share of starts
    // (about 30% of trials in the quickstart's similar alpha = 0.9 cell); 0 of 40 would be a bug.
    long spurious = cellRows.stream().filter(r -> r.<Double>getAs(Columns.ALPHA.name()) == 0.8
        && r.<Integer>getAs(Columns.MAX_ITER.name()) == 3000).mapToLong(r -> r.<Long>getAs(Schema.outcomeCount(Outcome.SPURIOUS)))
        .sum();
    assertTrue(spurious > 0, "spurious end points at alpha = 0.8");
    // The 3-iteration solver cannot converge: its cells are all budget-exhausted failures.
    long starved = cellRows.stream().filter(r -> r.<Integer>getAs(Columns.MAX_ITER.name()) == 3)
        .mapToLong(r -> r.<Long>getAs(Schema.outcomeCount(Outcome.NOT_CONVERGED))).sum();
    assertEquals(2L * TRIALS, starved);
    assertEquals(3.0, cellRows.stream().filter(r -> r.<Integer>getAs(Columns.MAX_ITER.name()) == 3)
        .findFirst().orElseThrow().<Double>getAs(Schema.MEDIAN_ITERATIONS));

    // Two instances (alpha 0.3, 0.8), each with the truth and U0 = alpha Q2 catalogued.
    List<Row> certificates = spark.read().parquet(out.resolve("certificates/experiment=small").toString())
        .collectAsList();
    assertEquals(4, certificates.size());
    for (Row c : certificates) {
      assertEquals(c.<Double>getAs(Columns.DELTA.name()), c.<Double>getAs(Schema.DELTA_NUMERIC), 1e-12);
      assertTrue(c.<Double>getAs(Schema.KKT_RESIDUAL) < 1e-12, c.toString());
    }

    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifests/small.json").toFile());
    assertEquals(experiment.specHash(), manifest.get("specHash").asText());
    assertEquals((long) cells * TRIALS, manifest.get("totalTrials").asLong());
    assertTrue(Files.exists(out.resolve(".basinbench")));
    assertFalse(Files.exists(out.resolve("_staging")), "staging is cleaned up");
  }

  @Test
  void rowsAreIdenticalForAnyPartitioningAndEqualTheDirectComputation() throws Exception {
    Path one = tmp.resolve("one");
    Path three = tmp.resolve("three");
    run(one, 1);
    run(three, 3);
    List<Row> a = sortedTrials(one);
    List<Row> b = sortedTrials(three);
    assertEquals(a, b);
    assertEquals(cellsInOrder(one), cellsInOrder(three));
    // One file per task, each in (cell, trial) order, whatever the partitioning.
    assertFilesSortedAndCovering(one.resolve("trials/experiment=small"), a, 1);
    assertFilesSortedAndCovering(three.resolve("trials/experiment=small"), a, 3);
    // Each Spark row is exactly what the pure trial function returns for its key.
    TrialRunner runner = new TrialRunner(experiment);
    for (Row row : a) {
      TrialResult direct = runner.run(row.<Integer>getAs(Schema.CELL_INDEX), row.<Integer>getAs(Schema.TRIAL));
      assertEquals(direct.seed(), row.<Long>getAs(Schema.SEED));
      assertEquals(direct.outcome().name(), row.<String>getAs(Schema.OUTCOME));
      assertEquals(direct.iterations(), row.<Integer>getAs(Schema.ITERATIONS));
      assertEquals(direct.loss(), row.<Double>getAs(Schema.LOSS), 0.0);
      assertEquals(direct.relError(), row.<Double>getAs(Schema.REL_ERROR), 0.0);
    }
  }

  /**
   * Batched cells (rip-half GD and SGD): a task groups its slice's trials of one cell into blocks, so the
   * grouping depends on the partitioning; the rows must not.
   */
  @Test
  void batchedRowsAreIdenticalForAnyPartitioning() throws Exception {
    Experiment e = SpecParser.parse("""
        {"experiment": "rh", "seed": 3, "trials": 700, "instance": {"family": "rip-half"},
         "init": {"kind": "gaussian", "scale": 1.0},
         "solvers": [{"name": "gd", "step": 0.01, "maxIter": [30, 1000], "tol": 1e-8},
                     {"name": "sgd", "step": 0.003, "batch": 1, "maxIter": 300, "tol": 1e-8}]}
        """, "rh.json").get(0);
    Path one = tmp.resolve("rh1");
    Path three = tmp.resolve("rh3");
    runJob(e, one, 1);
    runJob(e, three, 3);
    List<Row> rows = sortedRows(one, "trials", "rh");
    assertEquals(3 * 700, rows.size());
    assertEquals(rows, sortedRows(three, "trials", "rh"), "identical rows for 1 and 3 partitions");
    TrialRunner runner = new TrialRunner(e);
    for (Row row : java.util.stream.Stream.of(rows.subList(0, 50), rows.subList(2 * 700, 2 * 700 + 50))
        .flatMap(List::stream).toList()) {
      TrialResult direct = runner.run(row.<Integer>getAs(Schema.CELL_INDEX), row.<Integer>getAs(Schema.TRIAL));
      assertEquals(direct.iterations(), row.<Integer>getAs(Schema.ITERATIONS));
      assertEquals(direct.loss(), row.<Double>getAs(Schema.LOSS), 0.0);
    }
  }

  /**
   * The trials files of a table: {@code files} of them (one per task), the rows of each in
   * (cell, trial) order, together exactly {@code sorted} (the table's rows in that order).
   */
  static void assertFilesSortedAndCovering(Path table, List<Row> sorted, int files) throws Exception {
    List<Path> parts;
    try (var s = Files.list(table)) {
      parts = s.filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    }
    assertEquals(files, parts.size(), "one file per task in " + table);
    List<Row> all = new ArrayList<>();
    for (Path f : parts) {
      List<Row> rows = spark.read().parquet(f.toString()).drop(Schema.WALL_MS).collectAsList();
      for (int i = 1; i < rows.size(); i++) {
        assertTrue(BY_CELL_AND_TRIAL.compare(rows.get(i - 1), rows.get(i)) < 0, "(cell, trial) order in " + f);
      }
      all.addAll(rows);
    }
    all.sort(BY_CELL_AND_TRIAL);
    assertEquals(sorted, all);
  }

  static final Comparator<Row> BY_CELL_AND_TRIAL = Comparator.comparing((Row r) -> r.<Integer>getAs(Schema.CELL_INDEX))
      .thenComparing(r -> r.<Integer>getAs(Schema.TRIAL));

  /**
   * The cells table, counted by the trial tasks, is the one Spark SQL aggregates from the
   * written trials ({@link CellsAggregation#aggregate}): same columns, types and values, for
   * odd and even trial counts (the median of an even count interpolates), diverged trials and
   * batched cells, for any partitioning.
   */
  @Test
  void cellsCountedByTheTasksEqualTheSqlAggregateOfTheTrials() throws Exception {
    long diverged = 0;
    long interpolated = 0;
    List<Double> medians = new ArrayList<>();
    for (String spec : List.of(SPEC.replace("\"trials\": " + TRIALS, "\"trials\": 41"), SPEC, """
        {"experiment": "rhc", "seed": 5, "trials": 300, "instance": {"family": "rip-half"},
         "init": {"kind": "gaussian", "scale": 1.0},
         "solvers": [{"name": "gd", "step": [0.01, 0.6], "maxIter": [30, 1000], "tol": 1e-8}]}
        """, """
        {"experiment": "spread", "seed": 6, "trials": 8, "instance": {"family": "rip-half"},
         "init": {"kind": "gaussian", "scale": [0.5, 3.0]},
         "solvers": [{"name": "gd", "step": 0.01, "maxIter": 20000, "tol": 1e-12}]}
        """)) {
      Experiment e = SpecParser.parse(spec, "cells.json").get(0);
      for (int partitions : new int[] {1, 3}) {
        Path out = tmp.resolve("cells-" + e.name() + "-" + e.trials() + "-" + partitions);
        runJob(e, out, partitions);
        Dataset<Row> written = spark.read().parquet(out.resolve("cells/experiment=" + e.name()).toString());
        Dataset<Row> sql = CellsAggregation.aggregate(
            spark.read().parquet(out.resolve("trials/experiment=" + e.name()).toString()));
        assertEquals(sql.schema().toDDL().replace(" NOT NULL", ""), written.schema().toDDL(), "columns and types");
        assertEquals(CellsAggregation.SCHEMA.toDDL().replace(" NOT NULL", ""), written.schema().toDDL());
        assertEquals(sql.collectAsList(), written.collectAsList(), e.name() + " with " + partitions + " tasks");
        assertEquals(e.cells().size(), written.count());
        for (Row r : written.collectAsList()) {
          diverged += r.<Long>getAs(Schema.outcomeCount(Outcome.DIVERGED));
          double median = r.<Double>getAs(Schema.MEDIAN_ITERATIONS);
          interpolated += median != Math.rint(median) ? 1 : 0;
          medians.add(median);
        }
      }
    }
    // The cases the counting must get right are present: step 0.6 makes rip-half GD diverge
    // from most starts, and some even-count medians fall between two distinct counts (8
    // starts converging to a tight tolerance from different distances).
    assertTrue(diverged > 0, "some trials diverged");
    assertTrue(interpolated > 0, "some medians interpolate: " + medians);
  }

  @Test
  void aRerunReplacesTheExperimentsTables() throws Exception {
    Path out = tmp.resolve("again");
    run(out, 2);
    run(out, 5);
    assertEquals(experiment.cells().size() * TRIALS, sortedTrials(out).size());
  }

  @Test
  void refusesAForeignDirectoryAndAFile() throws Exception {
    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    OutputException e = assertThrows(OutputException.class, () -> run(foreign, 0));
    assertTrue(e.getMessage().contains("no .basinbench marker"), e.getMessage());
    assertEquals(List.of(foreign.resolve("notes.txt")), Files.list(foreign).toList(), "left untouched");

    Path file = Files.writeString(tmp.resolve("file"), "x");
    assertTrue(assertThrows(OutputException.class, () -> run(file, 0)).getMessage().contains("is a file"));
  }

  @Test
  void partitionPlanCoversEveryTrialOnce() {
    for (long total : new long[] {1, 7, 1000, 123_457}) {
      for (int parts : new int[] {1, 3, 16}) {
        int p = (int) Math.min(parts, total);
        long[] owner = new long[(int) total];
        java.util.Arrays.fill(owner, -1);
        long sum = 0;
        for (TaskSlice s : BasinBenchJob.slices(p)) {
          for (long g = s.index(); g < total; g += s.count()) {
            assertEquals(-1, owner[(int) g], "trial " + g + " in two slices");
            owner[(int) g] = s.index();
          }
          long n = s.size(total);
          assertTrue(n > 0, "no empty task");
          assertTrue(Math.abs(n - (double) total / p) < 1, "slices differ by at most one trial");
          sum += n;
        }
        assertEquals(total, sum);
        assertTrue(java.util.Arrays.stream(owner).noneMatch(o -> o < 0), "every trial in a slice");
      }
    }
    assertEquals(8, BasinBenchJob.partitionsFor(1000, 2, 0), "4 tasks per core");
    assertEquals(7, BasinBenchJob.partitionsFor(7, 2, 0), "never more tasks than trials");
    assertEquals(200, BasinBenchJob.partitionsFor(1_000_000, 2, 0), "at most 5000 trials per task");
    assertEquals(3, BasinBenchJob.partitionsFor(1000, 2, 3), "explicit request");
  }

  /**
   * A random family's certificates cover its first min(N, draws) draws, N from
   * {@code "certificates": {"draws": N}} (3 when absent), and the manifest says N.
   */
  @Test
  void randomFamiliesGetCertificatesForTheirFirstDraws() throws Exception {
    String spec = """
        {"experiment": "draws", "seed": 4, "trials": 6, CERT
         "instance": {"family": "gaussian-sensing", "n": 4, "rStar": 1, "r": 1, "m": 20, "draws": 5},
         "init": {"kind": "half-normal", "scale": 0.5}, "solvers": [{"name": "pgd", "step": 0.02, "maxIter": 200}]}
        """;
    Object[][] cases = {{"", 3, 3}, {"\"certificates\": {\"draws\": 2},", 2, 2},
        {"\"certificates\": {\"draws\": 9},", 9, 5}};
    for (Object[] c : cases) {
      Experiment g = SpecParser.parse(spec.replace("CERT", (String) c[0]), "draws.json").get(0);
      Path out = tmp.resolve("draws" + c[1]);
      runJob(g, out, 0);
      List<Row> rows = spark.read().parquet(out.resolve("certificates/experiment=draws").toString()).collectAsList();
      int certified = (Integer) c[2];
      assertEquals(certified, rows.size(), "one truth row per certified draw: " + c[0]);
      assertEquals(java.util.stream.IntStream.range(0, certified).boxed().toList(),
          rows.stream().map(r -> r.<Integer>getAs(Schema.DRAW)).toList(), "draws 0.., in order");
      for (Row r : rows) {
        assertEquals(5, r.<Integer>getAs(Columns.DRAWS.name()));
        assertEquals(0.0, r.<Double>getAs(Schema.LOSS), 0.0);
        assertTrue(r.<String>getAs(Schema.DELTA_METHOD).startsWith("lower bound"), r.toString());
      }
      JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifests/draws.json").toFile());
      assertEquals((int) (Integer) c[1], manifest.get("certificates").get("draws").asInt());
    }
  }

  /**
   * With "trajectories": true the trials run once and give two tables: the trials (the same
   * rows as without trajectories) and one trajectory row per trial and checkpoint, from update
   * 0 to the trial's last update, whose loss is the trial's loss.
   */
  @Test
  void trajectoriesAreWrittenOnlyWhenAskedAndMatchTheTrials() throws Exception {
    String spec = SPEC.replace("\"trials\": " + TRIALS, "\"trials\": 6, \"trajectories\": true");
    Experiment traced = SpecParser.parse(spec, "traced.json").get(0);
    Experiment plain = SpecParser.parse(spec.replace("\"trajectories\": true", "\"trajectories\": false"),
        "plain.json").get(0);
    Path a = tmp.resolve("traced");
    Path b = tmp.resolve("plain");
    for (Object[] run : new Object[][] {{traced, a}, {plain, b}}) {
      new BasinBenchJob(spark, new BasinBenchJob.Options(run[1].toString(), 3, false),
          new PrintStream(new ByteArrayOutputStream())).run(List.of((Experiment) run[0]));
    }
    assertFalse(Files.exists(b.resolve("trajectory")), "no trajectory table unless asked");
    List<Row> tracedTrials = spark.read().parquet(a.resolve("trials/experiment=small").toString())
        .drop(Schema.WALL_MS).orderBy(Schema.CELL_INDEX, Schema.TRIAL).collectAsList();
    List<Row> plainTrials = spark.read().parquet(b.resolve("trials/experiment=small").toString())
        .drop(Schema.WALL_MS).orderBy(Schema.CELL_INDEX, Schema.TRIAL).collectAsList();
    assertEquals(plainTrials, tracedTrials);
    Dataset<Row> trajectory = spark.read().parquet(a.resolve("trajectory/experiment=small").toString());
    for (Row t : tracedTrials) {
      List<Row> points = trajectory.where(org.apache.spark.sql.functions.col(Schema.CELL_INDEX)
              .equalTo(t.<Integer>getAs(Schema.CELL_INDEX))
              .and(org.apache.spark.sql.functions.col(Schema.TRIAL).equalTo(t.<Integer>getAs(Schema.TRIAL))))
          .orderBy(Schema.ITERATION).collectAsList();
      assertEquals(0, points.get(0).<Integer>getAs(Schema.ITERATION));
      Row last = points.get(points.size() - 1);
      assertEquals(t.<Integer>getAs(Schema.ITERATIONS), last.<Integer>getAs(Schema.ITERATION));
      assertEquals(t.<Double>getAs(Schema.LOSS), last.<Double>getAs(Schema.LOSS), 0.0);
      for (int k = 1; k < points.size(); k++) {
        assertTrue(points.get(k).<Integer>getAs(Schema.ITERATION) > points.get(k - 1).<Integer>getAs(Schema.ITERATION));
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(a.resolve("manifests/small.json").toFile());
    assertTrue(manifest.get("tables").has("trajectory"));
    assertFalse(Files.exists(a.resolve("_staging")), "the traced staging table is not left behind");
  }

  /**
   * Segment statistics: one row per trial and kind, each equal to the direct computation, and
   * a curvature table whose counts, quantiles, sigma/mu and convex fractions agree with them.
   */
  @Test
  void segmentsAndTheirCurvatureAggregates() throws Exception {
    Experiment e = SpecParser.parse("""
        {"experiment": "star", "seed": 8, "trials": 12,
         "statistics": {"segments": ["random-random", "init-to-found", "random-to-truth", "init-to-spurious"]},
         "instance": {"family": "nonneg-counterexample", "n": 3, "rStar": 1, "r": 1, "alpha": [0.3, 0.8],
                      "epsilon": 0.5},
         "init": {"kind": "half-normal", "scale": 0.5}, "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 500}]}
        """, "star.json").get(0);
    Path out = tmp.resolve("star");
    new BasinBenchJob(spark, new BasinBenchJob.Options(out.toString(), 3, false),
        new PrintStream(new ByteArrayOutputStream())).run(List.of(e));
    List<Row> segs = spark.read().parquet(out.resolve("segments/experiment=star").toString()).collectAsList();
    assertEquals(2 * 12 * 4, segs.size());
    TrialRunner runner = new TrialRunner(e);
    for (Row r : segs) {
      TrialResult direct = runner.run(r.<Integer>getAs(Schema.CELL_INDEX), r.<Integer>getAs(Schema.TRIAL));
      org.basinbench.run.SegmentResult sr = direct.segments().stream()
          .filter(x -> x.kind().label().equals(r.<String>getAs(Schema.SEGMENT))).findFirst().orElseThrow();
      assertEquals(sr.curvature(), r.<Double>getAs(Schema.CURVATURE), 0.0);
      assertEquals(sr.loss1(), r.<Double>getAs(Schema.LOSS_1), 0.0);
      assertEquals(sr.curvature() >= 0, r.<Boolean>getAs(Schema.CONVEX));
      if (sr.kind() == org.basinbench.spec.SegmentKind.INIT_TO_FOUND) {
        assertEquals(direct.loss(), sr.loss1(), 1e-12 * Math.max(1, direct.loss()), "lambda = 1 is the end point");
      }
    }
    List<Row> agg = spark.read().parquet(out.resolve("curvature/experiment=star").toString()).collectAsList();
    assertEquals(2 * 4, agg.size());
    // The table the tasks' curvatures give is the one Spark SQL aggregates from the segments
    // table: same columns and rows (mean and std to rounding: summed in another order), and
    // the same for any partitioning.
    Dataset<Row> sql = CurvatureAggregation.aggregate(
        spark.read().parquet(out.resolve("segments/experiment=star").toString()));
    assertEquals(sql.schema().toDDL().replace(" NOT NULL", ""),
        spark.read().parquet(out.resolve("curvature/experiment=star").toString()).schema().toDDL());
    assertEqualToRounding(sql.collectAsList(), agg);
    Path other = tmp.resolve("star1");
    runJob(e, other, 1);
    assertEquals(agg, spark.read().parquet(other.resolve("curvature/experiment=star").toString()).collectAsList());
    for (Row a : agg) {
      List<Double> values = segs.stream().filter(r -> r.<Integer>getAs(Schema.CELL_INDEX)
              .equals(a.<Integer>getAs(Schema.CELL_INDEX)) && r.<String>getAs(Schema.SEGMENT).equals(a.getAs(Schema.SEGMENT)))
          .map(r -> r.<Double>getAs(Schema.CURVATURE)).sorted().toList();
      assertEquals(values.size(), a.<Long>getAs(Schema.COUNT));
      double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
      double var = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (values.size() - 1);
      assertEquals(mean, a.<Double>getAs(Schema.MEAN), 1e-9 * Math.abs(mean));
      assertEquals(Math.sqrt(var), a.<Double>getAs(Schema.STD), 1e-9 * Math.sqrt(var) + 1e-300);
      assertEquals(a.<Double>getAs(Schema.STD) / a.<Double>getAs(Schema.MEAN), a.<Double>getAs(Schema.SIGMA_OVER_MU),
          1e-15 * Math.abs(a.<Double>getAs(Schema.SIGMA_OVER_MU)));
      assertEquals(values.get(0), a.<Double>getAs(Schema.MIN), 0.0);
      double previous = a.<Double>getAs(Schema.MIN);
      for (String q : Schema.QUANTILES) {
        assertTrue(a.<Double>getAs(q) >= previous, "quantiles ordered: " + a);
        previous = a.<Double>getAs(q);
      }
      assertEquals(values.get(values.size() / 2 - 1) / 2 + values.get(values.size() / 2) / 2, a.<Double>getAs("q50"),
          1e-12 * Math.abs(mean), "the exact median of 12 values");
      long convex = values.stream().filter(v -> v >= 0).count();
      assertEquals(convex, a.<Long>getAs(Schema.N_CONVEX));
      double[] ci = Intervals.wilson(values.size(), convex);
      assertEquals(ci[0], a.<Double>getAs(Schema.CI_LOW), 0.0);
      assertEquals(ci[1], a.<Double>getAs(Schema.CI_HIGH), 0.0);
    }
  }

  /** Rows equal field by field; mean, std and sigma/mu to 1e-12 relative. */
  static void assertEqualToRounding(List<Row> expected, List<Row> actual) {
    assertEquals(expected.size(), actual.size());
    java.util.Set<String> rounded = java.util.Set.of(Schema.MEAN, Schema.STD, Schema.SIGMA_OVER_MU);
    for (int i = 0; i < expected.size(); i++) {
      Row a = expected.get(i);
      Row b = actual.get(i);
      for (String f : a.schema().fieldNames()) {
        Object x = a.getAs(f);
        Object y = b.getAs(f);
        if (rounded.contains(f) && x != null && y != null) {
          assertEquals((Double) x, (Double) y, 1e-12 * Math.abs((Double) x), f + " of row " + i);
        } else {
          assertEquals(x, y, f + " of row " + i);
        }
      }
    }
  }

  static void runJob(Experiment e, Path out, int partitions) throws Exception {
    new BasinBenchJob(spark, new BasinBenchJob.Options(out.toString(), partitions, false),
        new PrintStream(new ByteArrayOutputStream())).run(List.of(e));
  }

  static List<Row> sortedRows(Path out, String table, String experiment) {
    List<Row> rows = new ArrayList<>(spark.read().parquet(out.resolve(table).resolve("experiment=" + experiment)
        .toString()).drop(Schema.WALL_MS).collectAsList());
    rows.sort(Comparator.comparing((Row r) -> r.<Integer>getAs(Schema.CELL_INDEX))
        .thenComparing(r -> r.<Integer>getAs(Schema.TRIAL)));
    return rows;
  }

  /**
   * Real data (no truth): every trial is labelled against the best loss any trial of the
   * experiment reached on the instance, identically for any partitioning. Three HALS settings
   * give each label: converged runs (SUCCESS at the best, STATIONARY_OTHER elsewhere), a
   * two-sweep budget (NOT_CONVERGED far from the best), and tol = 1, met at the start
   * (STATIONARY_OTHER: the start is no minimum).
   */
  @Test
  void realDataTrialsAreLabelledByTheBestKnownLossForAnyPartitioning() throws Exception {
    org.basinbench.rng.SplitMix64 rng = new org.basinbench.rng.SplitMix64(12);
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      for (int j = 0; j < 9; j++) {
        csv.append(j == 0 ? "" : ",").append(String.format(java.util.Locale.ROOT, "%.6f", rng.nextHalfNormal()));
      }
      csv.append('\n');
    }
    Path data = Files.writeString(tmp.resolve("m.csv"), csv.toString());
    Experiment e = SpecParser.parse("""
        {"experiment": "real", "seed": 21, "trials": 10, "trajectories": true,
         "statistics": {"segments": ["random-random", "init-to-found"]},
         "instance": {"family": "matrix-file", "path": "PATH", "r": 3},
         "init": {"kind": "half-normal", "scale": 0.5},
         "solvers": [{"name": "hals", "maxIter": 3000}, {"name": "hals", "maxIter": 2}, {"name": "hals", "tol": 1}]}
        """.replace("PATH", data.toString()), "real.json").get(0);
    Path one = tmp.resolve("real1");
    Path three = tmp.resolve("real3");
    runJob(e, one, 1);
    runJob(e, three, 3);
    List<Row> trials = sortedRows(one, "trials", "real");
    assertEquals(trials, sortedRows(three, "trials", "real"), "identical rows for 1 and 3 partitions");
    assertEquals(spark.read().parquet(one.resolve("cells/experiment=real").toString()).collectAsList(),
        spark.read().parquet(three.resolve("cells/experiment=real").toString()).collectAsList());
    assertEquals(3 * 10, trials.size());

    double best = Double.POSITIVE_INFINITY;
    for (Row r : trials) {
      if (!r.<String>getAs(Schema.OUTCOME).equals(Outcome.DIVERGED.name())) {
        best = Math.min(best, r.<Double>getAs(Schema.LOSS));
      }
    }
    double gap = e.success().lossGap();
    TrialRunner runner = new TrialRunner(e);
    java.util.Map<Outcome, Integer> counts = new java.util.EnumMap<>(Outcome.class);
    for (Row r : trials) {
      assertTrue(r.isNullAt(r.fieldIndex(Schema.REL_ERROR)), "no truth, no relative error");
      assertTrue(r.isNullAt(r.fieldIndex(Schema.DIST_SPURIOUS)));
      TrialResult direct = runner.run(r.<Integer>getAs(Schema.CELL_INDEX), r.<Integer>getAs(Schema.TRIAL));
      assertTrue(direct.outcome() != Outcome.SUCCESS, "the runner's label is provisional");
      double loss = r.<Double>getAs(Schema.LOSS);
      assertEquals(direct.loss(), loss, 0.0);
      Outcome o = Outcome.valueOf(r.<String>getAs(Schema.OUTCOME));
      assertEquals(Outcome.bestKnown(direct.outcome(), loss, best, gap), o, r.toString());
      assertEquals(Outcome.lossGap(loss, best), r.<Double>getAs(Schema.LOSS_GAP_TO_BEST), 0.0);
      assertEquals(o == Outcome.SUCCESS, (loss - best) <= gap * best);
      counts.merge(o, 1, Integer::sum);
    }
    // Every label the rule gives, each in the cell designed for it. No rate is claimed: the
    // best trial is a SUCCESS by definition; two sweeps from a half-normal start leave the
    // loss far above the best (the 3000-sweep cell converges); tol = 1 exceeds the scaled KKT
    // residual at every start, so all 10 trials of that cell stop at update 0, away from any
    // minimum.
    assertTrue(counts.getOrDefault(Outcome.SUCCESS, 0) >= 1, counts.toString());
    assertTrue(counts.getOrDefault(Outcome.NOT_CONVERGED, 0) >= 1, counts.toString());
    assertTrue(counts.getOrDefault(Outcome.STATIONARY_OTHER, 0) >= 10, counts.toString());
    assertEquals(0, counts.getOrDefault(Outcome.SPURIOUS, 0), "nothing is catalogued");
    for (Row r : trials) {
      if (r.<Integer>getAs(Schema.CELL_INDEX) == 2) {
        assertEquals(0, r.<Integer>getAs(Schema.ITERATIONS), "tol = 1 is met at the start");
        assertEquals(Outcome.STATIONARY_OTHER.name(), r.getAs(Schema.OUTCOME));
      } else if (r.<Integer>getAs(Schema.CELL_INDEX) == 1) {
        assertEquals(Outcome.NOT_CONVERGED.name(), r.getAs(Schema.OUTCOME), "two sweeps");
      }
    }
    assertEquals(0.0, trials.stream().mapToDouble(r -> r.<Double>getAs(Schema.LOSS_GAP_TO_BEST)).min().orElseThrow(), 0.0,
        "the best trial has gap 0");

    List<Row> cells = spark.read().parquet(one.resolve("cells/experiment=real").toString()).collectAsList();
    for (Row c : cells) {
      assertEquals(data.toString(), c.<String>getAs(Columns.DATA_PATH.name()));
      assertEquals(64, c.<String>getAs(Columns.DATA_SHA256.name()).length());
      long succ = trials.stream().filter(r -> r.<Integer>getAs(Schema.CELL_INDEX).equals(c.getAs(Schema.CELL_INDEX))
          && r.getAs(Schema.OUTCOME).equals(Outcome.SUCCESS.name())).count();
      assertEquals(succ, c.<Long>getAs(Schema.SUCCESSES), "the cells count the relabelled trials");
    }
    assertEquals(0, spark.read().parquet(one.resolve("certificates/experiment=real").toString()).count(),
        "no catalogued point, no certificate");
    Dataset<Row> trajectory = spark.read().parquet(one.resolve("trajectory/experiment=real").toString());
    assertEquals(0, trajectory.where(org.apache.spark.sql.functions.col(Schema.COS_TO_TRUTH).isNotNull()).count());
    assertTrue(trajectory.where(org.apache.spark.sql.functions.col(Schema.COS_TO_END).isNotNull()).count() > 0);
    assertEquals(2 * 3 * 10, spark.read().parquet(one.resolve("segments/experiment=real").toString()).count());
    JsonNode manifest = new ObjectMapper().readTree(one.resolve("manifests/real.json").toFile());
    assertEquals(e.specHash(), manifest.get("specHash").asText());
    assertEquals(((org.basinbench.family.MatrixFileFamily.Spec) e.cells().get(0).instance()).params().data()
        .sha256(), manifest.get("data").get(0).get("sha256").asText());
  }
}
