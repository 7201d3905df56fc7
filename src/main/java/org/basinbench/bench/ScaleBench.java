package org.basinbench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Scale figures: one fixed spec run by the shaded jar at {@code local[1]} and {@code local[2]}
 * (each in its own JVM), then on a standalone cluster of one and of two 1-core workers (each
 * submitted with SparkSubmit). Per configuration: wall time (JVM start to exit), run time (the
 * manifests' elapsed seconds: Spark work and table writing, without JVM and Spark start),
 * trials per second of run time, and the solver fraction: the trials' summed solver wall time
 * ({@code wall_ms}) over run time times cores, the share of the executors' time spent in
 * solver code; the peak heap of the local runs (from their GC logs, in a 1 GiB heap); and the
 * speed-ups local[2] / local[1] and two workers / one.
 */
final class ScaleBench implements Bench.Case {
  /** Per run, at most this long. */
  private static final long TIMEOUT_S = 1800;

  @Override
  public String about() {
    return "one spec at local[1], local[2], and on a standalone cluster of 1 and 2 workers: trials/s, speed-ups";
  }

  @Override
  public void run(Bench.Figures fig, Path root, Map<String, String> options) throws Exception {
    Path spec = Path.of(options.getOrDefault("--spec", root.resolve("jobs/bench-scale.json").toString()))
        .toAbsolutePath();
    if (!Files.isRegularFile(spec)) {
      throw new IOException("--spec: no such file: " + spec);
    }
    Path jar = LocalCluster.shadedJar(root);
    String cp = LocalCluster.classpath(root);
    fig.put("spec", root.relativize(spec).toString());
    Path tmp = Files.createTempDirectory("basinbench-scale");
    try {
      Run l1;
      Run l2;
      try (LocalCluster host = new LocalCluster(root, tmp.resolve("local"))) {
        l1 = timed(host.process("local1", List.of("-Xlog:gc:file=" + tmp.resolve("gc-local1.log"), "-cp",
            jar + ":" + cp, "org.basinbench.cli.Main", "run", spec.toString(), "--master", "local[1]", "--no-report",
            "--out", tmp.resolve("out-local1").toString())), tmp.resolve("out-local1"), host);
        l2 = timed(host.process("local2", List.of("-Xlog:gc:file=" + tmp.resolve("gc-local2.log"), "-cp",
            jar + ":" + cp, "org.basinbench.cli.Main", "run", spec.toString(), "--master", "local[2]", "--no-report",
            "--out", tmp.resolve("out-local2").toString())), tmp.resolve("out-local2"), host);
      }
      fig.put("trials", l1.trials());
      l1.print(fig, "local1", 1);
      fig.put("local1.peak_heap_mb", JobBench.peakHeapMb(tmp.resolve("gc-local1.log")));
      l2.print(fig, "local2", 2);
      fig.put("local2.peak_heap_mb", JobBench.peakHeapMb(tmp.resolve("gc-local2.log")));
      fig.put("local2.speedup", l1.runSeconds() / l2.runSeconds());
      if (options.containsKey("--no-cluster")) {
        return;
      }
      Run[] cluster = new Run[2];
      for (int workers = 1; workers <= 2; workers++) {
        try (LocalCluster c = new LocalCluster(root, tmp.resolve("cluster" + workers))) {
          c.start(workers, 1, "1g", 120);
          Path out = tmp.resolve("out-cluster" + workers);
          cluster[workers - 1] = timed(c.submit("submit", jar, List.of("spark.executor.memory=768m"),
              List.of("run", spec.toString(), "--no-report", "--out", out.toString())), out, c);
        }
        cluster[workers - 1].print(fig, "cluster" + workers, workers);
      }
      fig.put("cluster2.speedup", cluster[0].runSeconds() / cluster[1].runSeconds());
    } finally {
      stopSession();
      delete(tmp);
    }
  }

  /** Stops the local session that read the tables, if any. */
  static void stopSession() {
    org.apache.spark.sql.SparkSession.getDefaultSession().foreach(s -> {
      s.stop();
      return null;
    });
  }

  /** One configuration's figures. */
  record Run(double wallSeconds, double runSeconds, long trials, Path out) {
    void print(Bench.Figures fig, String name, int cores) {
      fig.put(name + ".wall_s", wallSeconds);
      fig.put(name + ".run_s", runSeconds);
      fig.put(name + ".trials_per_s", trials / runSeconds);
      fig.put(name + ".solver_fraction", solverSeconds(out) / (runSeconds * cores));
    }
  }

  /** The summed solver wall time of every trial under {@code out}, read with a local Spark. */
  static double solverSeconds(Path out) {
    return sums(out, "wall_ms")[0] / 1e3;
  }

  /** Sums of numeric columns over every trial under {@code out}, read with a local Spark. */
  static double[] sums(Path out, String... columns) {
    org.apache.spark.sql.SparkSession spark = org.basinbench.spark.Sessions.create("local[1]");
    org.apache.spark.sql.Column[] aggs = new org.apache.spark.sql.Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      aggs[i] = org.apache.spark.sql.functions.sum(columns[i]).cast("double");
    }
    org.apache.spark.sql.Row row = spark.read().parquet(out.resolve("trials").toString())
        .agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length)).first();
    double[] result = new double[columns.length];
    for (int i = 0; i < columns.length; i++) {
      result[i] = row.getDouble(i);
    }
    return result;
  }

  static Run timed(Process p, Path out, LocalCluster owner) throws Exception {
    long t0 = System.nanoTime();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
      throw new IOException("a run took longer than " + TIMEOUT_S + " s" + owner.logTails());
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    if (p.exitValue() != 0) {
      throw new IOException("a run exited with " + p.exitValue() + owner.logTails());
    }
    double seconds = 0;
    long trials = 0;
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> manifests = Files.list(out.resolve("manifests"))) {
      for (Path m : manifests.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode n = json.readTree(m.toFile());
        seconds += n.get("elapsedSeconds").asDouble();
        trials += n.get("totalTrials").asLong();
      }
    }
    return new Run(wall, seconds, trials, out);
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
