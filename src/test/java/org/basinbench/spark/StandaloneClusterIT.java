package org.basinbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
  static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir
  Path tmp;

  private final List<Process> started = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();

  @Test
  void theShadedJarOnAStandaloneClusterWritesTheTablesOfALocalOneRun() throws Exception {
    long t0 = System.nanoTime();
    Path jar = shadedJar();
    Path sparkHome = sparkHome();
    Path spec = Files.writeString(tmp.resolve("cluster.json"), SPEC);

    // The reference, local[1], in its own JVM, while the cluster starts.
    Path local = tmp.resolve("local");
    Process reference = start("local", sparkHome, List.of("-cp", jar + ":" + classpath(),
        "org.basinbench.cli.Main", "run", spec.toString(), "--master", "local[1]", "--no-report",
        "--out", local.toString()));

    int port = freePort();
    int ui = freePort();
    String master = "spark://127.0.0.1:" + port;
    start("master", sparkHome, List.of("-cp", sparkHome.resolve("jars") + "/*",
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--webui-port", String.valueOf(ui)));
    for (int w = 1; w <= 2; w++) {
      Path work = Files.createDirectories(tmp.resolve("worker" + w));
      start("worker" + w, sparkHome, List.of("-cp", sparkHome.resolve("jars") + "/*",
          "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1", "--port", "0",
          "--webui-port", String.valueOf(freePort()), "--cores", "1", "--memory", "1g",
          "--work-dir", work.toString()));
    }
    awaitWorkers(ui, 2, 120);
    System.out.printf("StandaloneClusterIT: master and 2 workers up after %.0f s%n", (System.nanoTime() - t0) / 1e9);

    Path out = tmp.resolve("cluster");
    Process submit = start("submit", sparkHome, List.of("-cp", sparkHome.resolve("jars") + "/*",
        "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.memory=512m",
        "--class", "org.basinbench.cli.Main", jar.toString(),
        "run", spec.toString(), "--no-report", "--out", out.toString()));
    assertTrue(submit.waitFor(300, TimeUnit.SECONDS), "the cluster run finished in 5 minutes" + logTails());
    assertEquals(0, submit.exitValue(), "cluster run" + logTails());
    System.out.printf("StandaloneClusterIT: cluster run done after %.0f s%n", (System.nanoTime() - t0) / 1e9);
    assertTrue(reference.waitFor(300, TimeUnit.SECONDS), "the local[1] run finished" + logTails());
    assertEquals(0, reference.exitValue(), "local[1] run" + logTails());
    System.out.printf("StandaloneClusterIT: local[1] run done after %.0f s%n", (System.nanoTime() - t0) / 1e9);

    JsonNode m = new ObjectMapper().readTree(out.resolve("manifests/cluster.json").toFile());
    assertEquals(master, m.get("master").asText());
    assertEquals("local[1]", new ObjectMapper().readTree(local.resolve("manifests/cluster.json").toFile())
        .get("master").asText());
    // Both workers ran an executor of the application (two executor JVMs, not one).
    for (int w = 1; w <= 2; w++) {
      try (Stream<Path> apps = Files.list(tmp.resolve("worker" + w))) {
        assertTrue(apps.anyMatch(p -> p.getFileName().toString().startsWith("app-")),
            "worker " + w + " ran an executor" + logTails());
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
    Process again = start("submit-kill", sparkHome, List.of("-cp", sparkHome.resolve("jars") + "/*",
        "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
        "--conf", "spark.executor.memory=512m",
        "--class", "org.basinbench.cli.Main", jar.toString(),
        "run", spec.toString(), "--no-report", "--partitions", "200", "--out", killed.toString()));
    long deadline = System.nanoTime() + 240_000_000_000L;
    while (finishedTasks(2) < 10 && again.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    List<ProcessHandle> executors = executors();
    assertTrue(again.isAlive() && executors.size() == 2, "two executors mid-run: " + executors + logTails());
    assertFalse(Files.exists(killed.resolve("manifests/cluster.json")), "killed before the run completed");
    ProcessHandle victim = executors.get(0);
    victim.destroyForcibly();
    victim.onExit().get(30, TimeUnit.SECONDS);
    System.out.printf("StandaloneClusterIT: killed executor %d after %d finished tasks, at %.0f s%n", victim.pid(),
        finishedTasks(2), (System.nanoTime() - t0) / 1e9);
    assertTrue(again.waitFor(300, TimeUnit.SECONDS), "the run with a killed executor finished" + logTails());
    assertEquals(0, again.exitValue(), "run with a killed executor" + logTails());
    assertTrue(Files.readString(tmp.resolve("submit-kill.log")).contains("Lost executor"),
        "the driver saw the executor lost" + logTails());
    for (String table : List.of("trials", "cells")) {
      assertEquals(FaultInjectionTest.rows(local, table, "cluster"),
          FaultInjectionTest.rows(killed, table, "cluster"), table + " after a lost executor");
    }
    System.out.printf("StandaloneClusterIT: killed-executor run compared after %.0f s%n",
        (System.nanoTime() - t0) / 1e9);
  }

  /** The executor JVMs the workers started (children of the worker processes). */
  private List<ProcessHandle> executors() {
    return started.stream().flatMap(Process::descendants)
        .filter(h -> h.isAlive() && h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .toList();
  }

  /**
   * Tasks the executors of the second application report finished (their stderr logs, at
   * Spark's default INFO level, say "Finished task" once per task).
   */
  private int finishedTasks(int workers) throws IOException {
    int n = 0;
    for (int w = 1; w <= workers; w++) {
      try (Stream<Path> files = Files.walk(tmp.resolve("worker" + w))) {
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

  /** Stops every process this test started, and their children, by PID; checks none is left. */
  @AfterEach
  void stopAll() throws Exception {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : started) {
      all.addAll(p.descendants().toList()); // executors, before their worker is gone
      all.add(p.toHandle());
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).destroy(); // SIGTERM: a worker's shutdown hook stops its executors
    }
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(20, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        h.destroyForcibly();
        h.onExit().get(10, TimeUnit.SECONDS);
      }
    }
    for (ProcessHandle h : all) {
      assertFalse(h.isAlive(), "process " + h.pid() + " stopped");
    }
  }

  private Process start(String name, Path sparkHome, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + ROOT.resolve("conf/jvm.args"), "-Xmx1g",
        "-Dlog4j2.configurationFile=" + ROOT.resolve("conf/log4j2.properties")));
    cmd.addAll(args);
    Path log = tmp.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    Map<String, String> env = pb.environment();
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("SPARK_CONF_DIR", Files.createDirectories(sparkHome.resolve("conf")).toString());
    env.put("BASINBENCH_PROGRESS", "plain");
    Process p = pb.start();
    started.add(p);
    logs.add(log);
    return p;
  }

  /** Waits until the master's JSON status lists {@code n} alive workers. */
  private void awaitWorkers(int ui, int n, int seconds) throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    String last = "";
    while (System.nanoTime() < deadline) {
      try {
        last = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ui + "/json/")).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        JsonNode s = new ObjectMapper().readTree(last);
        if (s.path("aliveworkers").asInt() >= n) {
          return;
        }
      } catch (IOException e) {
        last = e.toString(); // not up yet
      }
      for (Process p : started) {
        if (!p.isAlive()) {
          fail("a cluster process exited early" + logTails());
        }
      }
      Thread.sleep(500);
    }
    fail(n + " workers did not register in " + seconds + " s: " + last + logTails());
  }

  /** SPARK_HOME with jars/ linking the Maven-resolved runtime jars (Spark, Hadoop, Jackson, ...). */
  private Path sparkHome() throws IOException {
    Path jars = Files.createDirectories(tmp.resolve("spark/jars"));
    for (String j : classpath().split(":")) {
      Path src = Path.of(j);
      Path link = jars.resolve(src.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, src);
      }
    }
    return tmp.resolve("spark");
  }

  private static String classpath() throws IOException {
    Path cp = ROOT.resolve("target/classpath.txt");
    assertTrue(Files.exists(cp), "target/classpath.txt is missing: run 'mvn package' first");
    return Files.readString(cp).trim();
  }

  private static Path shadedJar() throws IOException {
    try (Stream<Path> s = Files.list(ROOT.resolve("target"))) {
      Path jar = s.filter(p -> p.getFileName().toString().matches("basinbench-.*\\.jar"))
          .findFirst().orElse(null);
      assertTrue(jar != null, "no shaded jar target/basinbench-*.jar: run 'mvn package' first");
      return jar;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private String logTails() {
    StringBuilder b = new StringBuilder();
    for (Path log : logs) {
      try {
        List<String> lines = Files.readAllLines(log);
        b.append("\n--- ").append(log.getFileName()).append(" (last 30 lines)\n")
            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
      } catch (IOException e) {
        b.append("\n--- ").append(log.getFileName()).append(": ").append(e);
      }
    }
    return b.toString();
  }
}
