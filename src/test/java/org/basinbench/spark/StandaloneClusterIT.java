package org.basinbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.basinbench.bench.LocalCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar on a real Spark standalone cluster: a Master and two Workers as separate JVMs
 * on 127.0.0.1 (random free ports, 1 core and 1 GB each), started from the Maven-resolved
 * runtime jars ({@code target/classpath.txt}) linked into a scratch {@code SPARK_HOME/jars};
 * the jar is submitted with {@code SparkSubmit}, and its {@code trials} (without
 * {@code wall_ms}) and {@code cells} tables must equal, row for row, those of a
 * {@code local[1]} run of the same spec. Every process started here is stopped by its PID
 * (with its child processes, the executors) also when the test fails.
 *
 * <p>Not part of {@code mvn test} (the class name ends in IT): it needs {@code mvn package}
 * first. {@code .ci/run} runs it with {@code mvn test -Dtest=StandaloneClusterIT} after
 * packaging.
 */
class StandaloneClusterIT {
  static final String SPEC = """
      {"experiment": "cluster", "seed": 31, "trials": 100,
       "instance": {"family": "nonneg-counterexample", "n": 4, "rStar": 1, "r": [1, 2], "alpha": 0.7, "epsilon": 0.5},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}]}
      """;
  /**
   * Planted NMF whose multiplicative updates' products go to BLAS (20 x 1000 x 3 multiply-adds),
   * with an inner dimension of 1000: above OpenBLAS's blocking of it (256 or 384 by core), so
   * OpenBLAS sums in another order than netlib's Java BLAS and the rows' last bits say which
   * ran them (with inner dimensions below the blocking, OpenBLAS's AVX2 kernels and the Java
   * BLAS were measured to give the same bits).
   */
  static final String BLAS_SPEC = """
      {"experiment": "cluster-blas", "seed": 7, "trials": 20,
       "instance": {"family": "planted-nmf", "n": 20, "m": 1000, "rStar": 3, "r": 3, "draws": 20},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "mu", "maxIter": 300, "tol": 0}]}
      """;
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir
  Path tmp;

  private LocalCluster cluster;

  @Test
  void theShadedJarOnAStandaloneClusterWritesTheTablesOfALocalOneRun() throws Exception {
    long t0 = System.nanoTime();
    Path jar = LocalCluster.shadedJar(ROOT);
    cluster = new LocalCluster(ROOT, tmp);
    Path spec = Files.writeString(tmp.resolve("cluster.json"), SPEC);

    // The reference, local[1], in its own JVM, while the cluster starts.
    Path local = tmp.resolve("local");
    Process reference = cluster.process("local", List.of("-cp", jar + ":" + LocalCluster.classpath(ROOT),
        "org.basinbench.cli.Main", "run", spec.toString(), "--master", "local[1]", "--no-report",
        "--out", local.toString()));

    cluster.start(2, 1, "1g", 120);
    String master = cluster.master();
    System.out.printf("StandaloneClusterIT: master and 2 workers up after %.0f s%n", (System.nanoTime() - t0) / 1e9);

    Path out = tmp.resolve("cluster");
    Process submit = cluster.submit("submit", jar, List.of("spark.executor.memory=512m"),
        List.of("run", spec.toString(), "--no-report", "--out", out.toString()));
    assertTrue(submit.waitFor(300, TimeUnit.SECONDS), "the cluster run finished in 5 minutes" + cluster.logTails());
    assertEquals(0, submit.exitValue(), "cluster run" + cluster.logTails());
    System.out.printf("StandaloneClusterIT: cluster run done after %.0f s%n", (System.nanoTime() - t0) / 1e9);
    assertTrue(reference.waitFor(300, TimeUnit.SECONDS), "the local[1] run finished" + cluster.logTails());
    assertEquals(0, reference.exitValue(), "local[1] run" + cluster.logTails());
    System.out.printf("StandaloneClusterIT: local[1] run done after %.0f s%n", (System.nanoTime() - t0) / 1e9);

    JsonNode m = new ObjectMapper().readTree(out.resolve("manifests/cluster.json").toFile());
    assertEquals(master, m.get("master").asText());
    assertEquals("local[1]", new ObjectMapper().readTree(local.resolve("manifests/cluster.json").toFile())
        .get("master").asText());
    // Both workers ran an executor of the application (two executor JVMs, not one).
    for (int w = 1; w <= 2; w++) {
      try (Stream<Path> apps = Files.list(cluster.workerDir(w))) {
        assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
            "worker " + w + " ran an executor" + cluster.logTails());
      }
    }
    for (String table : List.of("trials", "cells")) {
      assertEquals(FaultInjectionTest.rows(local, table, "cluster"), FaultInjectionTest.rows(out, table, "cluster"),
          table);
    }
    assertEquals(200, FaultInjectionTest.rows(out, "trials", "cluster").size());
    assertEquals(2, FaultInjectionTest.rows(out, "cells", "cluster").size());
    System.out.printf("StandaloneClusterIT: tables compared after %.0f s%n", (System.nanoTime() - t0) / 1e9);

    // Issue 8, 4(b): the same spec again, one task per trial so that the run lasts; once the
    // executors have finished some tasks, one executor JVM is killed (SIGKILL). Spark reruns
    // its tasks elsewhere (the worker starts a new executor) and the tables are unchanged.
    Path killed = tmp.resolve("killed");
    Process again = cluster.submit("submit-kill", jar, List.of("spark.executor.memory=512m"),
        List.of("run", spec.toString(), "--no-report", "--partitions", "200", "--out", killed.toString()));
    long deadline = System.nanoTime() + 240_000_000_000L;
    while (finishedTasks(2) < 10 && again.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<ProcessHandle> executors = cluster.executors();
    assertTrue(again.isAlive() && executors.size() == 2, "two executors mid-run: " + executors + cluster.logTails());
    assertFalse(Files.exists(killed.resolve("manifests/cluster.json")), "killed before the run completed");
    ProcessHandle victim = executors.get(0);
    victim.destroyForcibly();
    victim.onExit().get(30, TimeUnit.SECONDS);
    System.out.printf("StandaloneClusterIT: killed executor %d after %d finished tasks, at %.0f s%n", victim.pid(),
        finishedTasks(2), (System.nanoTime() - t0) / 1e9);
    assertTrue(again.waitFor(300, TimeUnit.SECONDS), "the run with a killed executor finished" + cluster.logTails());
    assertEquals(0, again.exitValue(), "run with a killed executor" + cluster.logTails());
    assertTrue(Files.readString(tmp.resolve("submit-kill.log")).contains("Lost executor"),
        "the driver saw the executor lost" + cluster.logTails());
    for (String table : List.of("trials", "cells")) {
      assertEquals(FaultInjectionTest.rows(local, table, "cluster"),
          FaultInjectionTest.rows(killed, table, "cluster"), table + " after a lost executor");
    }
    System.out.printf("StandaloneClusterIT: killed-executor run compared after %.0f s%n",
        (System.nanoTime() - t0) / 1e9);

    // The bundled OpenBLAS on the executors, with no BLAS in SPARK_HOME or on the system path:
    // the cluster's rows equal, to the last bit, those of a local[1] run, which used the bundled
    // library; a local[1] run on netlib's Java BLAS gives other bits, so the comparison sees
    // which BLAS the executors ran.
    Path blasSpec = Files.writeString(tmp.resolve("blas.json"), BLAS_SPEC);
    Path blasLocal = tmp.resolve("blas-local");
    Path blasJava = tmp.resolve("blas-java");
    Path blasCluster = tmp.resolve("blas-cluster");
    List<Process> blasRuns = List.of(
        cluster.process("blas-local", List.of("-cp", jar + ":" + LocalCluster.classpath(ROOT), "org.basinbench.cli.Main",
            "run", blasSpec.toString(), "--master", "local[1]", "--no-report", "--out", blasLocal.toString())),
        cluster.process("blas-java", List.of("-Dbasinbench.blas.bundled=off", "-cp", jar + ":"
            + LocalCluster.classpath(ROOT), "org.basinbench.cli.Main", "run", blasSpec.toString(), "--master",
            "local[1]", "--no-report", "--out", blasJava.toString())),
        cluster.submit("submit-blas", jar, List.of("spark.executor.memory=512m"),
            List.of("run", blasSpec.toString(), "--no-report", "--out", blasCluster.toString())));
    for (Process p : blasRuns) {
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the BLAS runs finished" + cluster.logTails());
      assertEquals(0, p.exitValue(), "a BLAS run" + cluster.logTails());
    }
    String driverBlas = new ObjectMapper().readTree(blasCluster.resolve("manifests/cluster-blas.json").toFile())
        .get("blas").asText();
    assertTrue(driverBlas.matches("OpenBLAS \\S+ \\(bundled, core .*\\) via JNIBLAS"), driverBlas);
    assertEquals(FaultInjectionTest.rows(blasLocal, "trials", "cluster-blas"),
        FaultInjectionTest.rows(blasCluster, "trials", "cluster-blas"), "trials through the bundled OpenBLAS");
    assertNotEquals(FaultInjectionTest.rows(blasLocal, "trials", "cluster-blas"),
        FaultInjectionTest.rows(blasJava, "trials", "cluster-blas"), "Java BLAS gives other last bits");
    System.out.printf("StandaloneClusterIT: BLAS runs compared after %.0f s%n", (System.nanoTime() - t0) / 1e9);

    // An extension's jar travels with spark.jars (spark-submit's --jars): the driver and the
    // executors find its family as a local run with the jar on the class path does, and the
    // tables are that run's.
    Path extJar = org.basinbench.cli.ExtensionExampleTest.buildJar();
    String extSpec = ROOT.resolve(org.basinbench.cli.ExtensionExampleTest.EXAMPLE).resolve("symmetric-nmf.json")
        .toString();
    Path extLocal = tmp.resolve("ext-local");
    Process extReference = cluster.process("ext-local", List.of("-cp", jar + ":" + extJar + ":"
        + LocalCluster.classpath(ROOT), "org.basinbench.cli.Main", "run", extSpec, "--master", "local[1]",
        "--no-report", "--out", extLocal.toString()));
    Path extOut = tmp.resolve("ext-cluster");
    Process ext = cluster.submit("submit-ext", jar, List.of("spark.executor.memory=512m", "spark.jars=" + extJar),
        List.of("run", extSpec, "--no-report", "--out", extOut.toString()));
    assertTrue(ext.waitFor(300, TimeUnit.SECONDS), "the extension's cluster run finished" + cluster.logTails());
    assertEquals(0, ext.exitValue(), "the extension's cluster run" + cluster.logTails());
    assertTrue(extReference.waitFor(300, TimeUnit.SECONDS), "the extension's local[1] run finished");
    assertEquals(0, extReference.exitValue(), "the extension's local[1] run" + cluster.logTails());
    for (String table : List.of("trials", "cells")) {
      assertEquals(FaultInjectionTest.rows(extLocal, table, "symmetric-nmf-example"),
          FaultInjectionTest.rows(extOut, table, "symmetric-nmf-example"), "extension " + table);
    }
    assertEquals(200, FaultInjectionTest.rows(extOut, "trials", "symmetric-nmf-example").size());
    System.out.printf("StandaloneClusterIT: extension run compared after %.0f s%n", (System.nanoTime() - t0) / 1e9);
  }

  /**
   * Tasks the executors of the second application report finished (their stderr logs, at
   * Spark's default INFO level, say "Finished task" once per task).
   */
  private int finishedTasks(int workers) throws IOException {
    int n = 0;
    for (int w = 1; w <= workers; w++) {
      try (Stream<Path> files = Files.walk(cluster.workerDir(w))) {
        for (Path f : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
          if (f.getParent().getParent().getFileName().toString().endsWith("0001")) {
            for (String line : Files.readAllLines(f)) {
              if (line.contains("Finished task")) {
                n++;
              }
            }
          }
        }
      }
    }
    return n;
  }

  /** Stops every process this test started, and their children, by PID, also when it failed. */
  @AfterEach
  void stopAll() throws Exception {
    if (cluster != null) {
      cluster.close(); // throws when a process outlives SIGKILL
    }
  }
}
