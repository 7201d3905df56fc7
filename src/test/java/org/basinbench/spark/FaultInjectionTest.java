package org.basinbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test-only fault injection of the trial tasks ({@link FaultInjection}): task attempts that throw are retried
 * by Spark and the tables equal the fault-free ones (no trial lost, none twice); a fault that
 * outlasts Spark's retry budget fails the run (exit 1) and publishes nothing. The faulty runs
 * are the command line in a separate JVM with {@code local[N,F]} (F = task max failures; this
 * suite's shared {@code local[2]} session never retries).
 */
class FaultInjectionTest {
  static final String SPEC = """
      {"experiment": "faults", "seed": 21, "trials": 60,
       "instance": {"family": "nonneg-counterexample", "n": 4, "rStar": 1, "r": 2, "alpha": [0.5, 0.7], "epsilon": 0.5},
       "init": {"kind": "uniform", "bound": 1.0},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}]}
      """;
  static final int PARTITIONS = 8;

  @TempDir
  Path tmp;

  @Test
  void theChoiceOfPartitionsIsDeterministicAndNearTheFraction() {
    long n = IntStream.range(0, 10_000).filter(i -> FaultInjection.chosen(i, 0.3)).count();
    assertTrue(Math.abs(n - 3000) < 200, n + " of 10000");
    assertFalse(FaultInjection.chosen(0, 0), "off by default");
    assertTrue(IntStream.range(0, 100).allMatch(i -> FaultInjection.chosen(i, 1)));
    long here = IntStream.range(0, PARTITIONS).filter(i -> FaultInjection.chosen(i, 0.3)).count();
    assertTrue(here > 0 && here < PARTITIONS, "some, not all, of this test's partitions fail: " + here);
  }

  @Test
  void failedFirstAttemptsAreRetriedToTheFaultFreeTables() throws Exception {
    Path spec = Files.writeString(tmp.resolve("faults.json"), SPEC);
    Path faulty = tmp.resolve("faulty");
    Path log = tmp.resolve("faulty.log");
    int code = childRun(log, "local[2,4]", FaultInjection.FAIL_FIRST_ATTEMPT_FRACTION + "=0.3",
        spec.toString(), "--partitions", String.valueOf(PARTITIONS), "--no-report", "--out", faulty.toString());
    String text = Files.readString(log);
    assertEquals(0, code, text);
    assertTrue(text.contains("injected fault (test-only setting " + FaultInjection.FAIL_FIRST_ATTEMPT_FRACTION
        + "): partition "), "faults were injected (Spark logs the lost tasks):\n" + text);
    assertFalse(text.contains("attempt 1"), "only first attempts fail:\n" + text);

    Path clean = tmp.resolve("clean");
    Experiment e = SpecParser.parse(SPEC, "faults.json").get(0);
    new BasinBenchJob(TestSpark.session(), new BasinBenchJob.Options(clean.toString(), 3, false, false),
        new PrintStream(new ByteArrayOutputStream())).run(List.of(e));
    for (String table : List.of("trials", "cells")) {
      assertEquals(rows(clean, table, "faults"), rows(faulty, table, "faults"), table);
    }
    assertEquals(120, rows(faulty, "trials", "faults").size());
  }

  @Test
  void aFaultBeyondTheRetryBudgetFailsTheRunAndPublishesNothing() throws Exception {
    Path spec = Files.writeString(tmp.resolve("faults.json"), SPEC);
    Path out = tmp.resolve("failed");
    Path log = tmp.resolve("failed.log");
    int code = childRun(log, "local[2,2]", FaultInjection.FAIL_EVERY_ATTEMPT_FRACTION + "=0.3",
        spec.toString(), "--partitions", String.valueOf(PARTITIONS), "--no-report", "--out", out.toString());
    String text = Files.readString(log);
    assertEquals(1, code, text);
    assertTrue(text.contains("basinbench: run failed:") && text.contains("injected fault (test-only setting "
        + FaultInjection.FAIL_EVERY_ATTEMPT_FRACTION + ")"), text);
    assertFalse(Files.exists(out.resolve("trials/experiment=faults")), "no partial trials table");
    assertFalse(Files.exists(out.resolve("cells/experiment=faults")), "no partial cells table");
    assertFalse(Files.exists(out.resolve("manifests/faults.json")), "no manifest");
    assertFalse(Files.exists(out.resolve("_staging")), "staging cleaned up");
  }

  /** The command line in a separate JVM with one Spark setting as a system property; its exit code. */
  static int childRun(Path log, String master, String setting, String... args) throws IOException,
      InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("conf/jvm.args").toAbsolutePath(),
        "-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
        "-D" + setting,
        "-cp", System.getProperty("java.class.path"), "org.basinbench.cli.Main", "run", "--master", master));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child run finished");
      return p.exitValue();
    } finally {
      p.destroyForcibly();
    }
  }

  /** A table's rows without the wall time, as a set (checked free of duplicates). */
  static Set<Row> rows(Path out, String table, String experiment) {
    SparkSession spark = TestSpark.session();
    Dataset<Row> d = spark.read().parquet(out.resolve(table).resolve("experiment=" + experiment).toString());
    if (List.of(d.columns()).contains(Schema.WALL_MS)) {
      d = d.drop(Schema.WALL_MS);
    }
    List<Row> list = d.collectAsList();
    Set<Row> set = new HashSet<>(list);
    assertEquals(list.size(), set.size(), "no duplicate rows in " + table);
    return set;
  }
}
