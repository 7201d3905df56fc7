package org.basinbench.bench;

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
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * A Spark standalone cluster on 127.0.0.1 from the Maven-resolved jars of a checkout: a Master
 * and {@code workers} Workers as separate JVMs (random free ports, given cores and memory each),
 * with {@code SPARK_HOME/jars} linking {@code target/classpath.txt}; applications are submitted
 * with {@code SparkSubmit}. Every process it starts is tracked by PID and stopped, with its
 * children (the executors), by {@link #close()}. Used by the cluster integration test and the
 * scale benchmark; nothing here is part of a run.
 */
public final class LocalCluster implements AutoCloseable {
  private final Path root;
  private final Path dir;
  private final Path sparkHome;
  private final List<Process> started = new ArrayList<>();
  private final List<Path> logs = new ArrayList<>();
  private String master;
  private int ui;

  /**
   * @param root the checkout (holding {@code target/classpath.txt} and {@code conf/})
   * @param dir scratch directory for SPARK_HOME, logs and the workers' directories
   */
  public LocalCluster(Path root, Path dir) throws IOException {
    this.root = root;
    this.dir = dir;
    this.sparkHome = linkJars();
  }

  /** Starts the Master and {@code workers} Workers and waits until all have registered. */
  public LocalCluster start(int workers, int coresEach, String memoryEach, int timeoutSeconds)
      throws IOException, InterruptedException, TimeoutException {
    int port = freePort();
    ui = freePort();
    master = "spark://127.0.0.1:" + port;
    process("master", List.of("-cp", sparkHome.resolve("jars") + "/*",
        "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
        "--webui-port", String.valueOf(ui)));
    for (int w = 1; w <= workers; w++) {
      Path work = Files.createDirectories(workerDir(w));
      process("worker" + w, List.of("-cp", sparkHome.resolve("jars") + "/*",
          "org.apache.spark.deploy.worker.Worker", master, "--host", "127.0.0.1", "--port", "0",
          "--webui-port", String.valueOf(freePort()), "--cores", String.valueOf(coresEach),
          "--memory", memoryEach, "--work-dir", work.toString()));
    }
    awaitWorkers(workers, timeoutSeconds);
    return this;
  }

  /** The master URL, {@code spark://127.0.0.1:PORT}. */
  public String master() {
    return master;
  }

  /** Scratch directory of worker {@code w} (1-based): its executors' logs are under it. */
  public Path workerDir(int w) {
    return dir.resolve("worker" + w);
  }

  /** SPARK_HOME: {@code jars/} links the checkout's runtime jars. */
  public Path sparkHome() {
    return dir.resolve("spark");
  }

  /**
   * Submits {@code jar} (main class {@code org.basinbench.cli.Main}) to the cluster with
   * SparkSubmit, loopback driver and no web UI, plus {@code conf} ({@code key=value}); its output
   * goes to {@code <name>.log}.
   */
  public Process submit(String name, Path jar, List<String> conf, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("-cp", sparkHome.resolve("jars") + "/*",
        "org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.ui.enabled=false",
        // The driver is this process (conf/jvm.args); executors get the SIMD kernels' module here.
        "--conf", "spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector"));
    for (String c : conf) {
      cmd.add("--conf");
      cmd.add(c);
    }
    cmd.addAll(List.of("--class", "org.basinbench.cli.Main", jar.toString()));
    cmd.addAll(args);
    return process(name, cmd);
  }

  /**
   * Starts a JVM (the checkout's JVM flags and log configuration, {@code -Xmx1g}) with the
   * cluster's environment; its output goes to {@code <name>.log}. Tracked like the cluster's
   * own processes.
   */
  public Process process(String name, List<String> args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + root.resolve("conf/jvm.args"), "-Xmx1g",
        "-Dlog4j2.configurationFile=" + root.resolve("conf/log4j2.properties")));
    cmd.addAll(args);
    Path log = dir.resolve(name + ".log");
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

  /** The executor JVMs the workers started (children of the worker processes). */
  public List<ProcessHandle> executors() {
    return started.stream().flatMap(Process::descendants)
        .filter(h -> h.isAlive() && h.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
        .toList();
  }

  /** The last 30 lines of every log, for failure messages. */
  public String logTails() {
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

  /**
   * Stops every process started here, and their children, by PID: SIGTERM in reverse start
   * order (a worker's shutdown hook stops its executors), then SIGKILL after 20 s.
   *
   * @throws IllegalStateException when a process outlives both
   */
  @Override
  public void close() throws InterruptedException {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process p : started) {
      all.addAll(p.descendants().toList()); // executors, before their worker is gone
      all.add(p.toHandle());
    }
    for (int i = started.size() - 1; i >= 0; i--) {
      started.get(i).destroy();
    }
    List<Long> alive = new ArrayList<>();
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(20, TimeUnit.SECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        h.destroyForcibly();
        try {
          h.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException again) {
          alive.add(h.pid());
        }
      }
    }
    started.clear();
    if (!alive.isEmpty()) {
      throw new IllegalStateException("processes still alive after SIGKILL: " + alive);
    }
  }

  /** Waits until the master's JSON status lists {@code n} alive workers. */
  private void awaitWorkers(int n, int seconds) throws InterruptedException, TimeoutException, IOException {
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
          throw new IOException("a cluster process exited early" + logTails());
        }
      }
      Thread.sleep(500);
    }
    throw new TimeoutException(n + " workers did not register in " + seconds + " s: " + last + logTails());
  }

  /**
   * SPARK_HOME with jars/ linking the Maven-resolved runtime jars (Spark, Hadoop, Jackson, ...),
   * except OpenBLAS and JavaCPP: no Spark distribution has them, so here too the driver and the
   * executors load the BLAS natives from the application's shaded jar.
   */
  private Path linkJars() throws IOException {
    Path jars = Files.createDirectories(dir.resolve("spark/jars"));
    for (String j : classpath(root).split(":")) {
      Path src = Path.of(j);
      if (src.getFileName().toString().matches("(openblas|javacpp)-.*\\.jar")) {
        continue;
      }
      Path link = jars.resolve(src.getFileName());
      if (!Files.exists(link)) {
        Files.createSymbolicLink(link, src);
      }
    }
    return dir.resolve("spark");
  }

  /** The checkout's runtime classpath ({@code target/classpath.txt}, written by {@code mvn package}). */
  public static String classpath(Path root) throws IOException {
    Path cp = root.resolve("target/classpath.txt");
    if (!Files.exists(cp)) {
      throw new IOException("target/classpath.txt is missing: run 'mvn package' first");
    }
    return Files.readString(cp).trim();
  }

  /** The checkout's shaded jar, {@code target/basinbench-*.jar}. */
  public static Path shadedJar(Path root) throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("target"))) {
      return s.filter(p -> p.getFileName().toString().matches("basinbench-.*\\.jar"))
          .findFirst().orElseThrow(() -> new IOException(
              "no shaded jar target/basinbench-*.jar: run 'mvn package' first"));
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
