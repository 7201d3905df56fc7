package org.basinbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * End-to-end jobs, each run by the shaded jar in its own JVM at {@code local[2]} with a 1 GiB
 * heap and GC logging: wall time from JVM start to exit (the figure a user sees), run time (the
 * manifests'), the trials' summed solver time per core, the solver fraction and the peak heap.
 * With {@code --peers DIR} (the directory of the peer scripts: numpy, scikit-learn, C), the
 * case's peer runs right after, in the same session, and the case prints its time and the
 * ratio peer / BasinBench (above 1: BasinBench is faster). A peer's time is the wall time it
 * prints itself ({@code numpy_wall_s}, without the Python start), else its process's.
 */
final class JobBench implements Bench.Case {
  private final String name;
  private final String spec;
  private final String about;
  /** The peers' command lines (script first, then arguments), run from the peers' directory. */
  private final List<List<String>> peers;

  JobBench(String name, String spec, String about, List<List<String>> peers) {
    this.name = name;
    this.spec = spec;
    this.about = about;
    this.peers = peers;
  }

  @Override
  public String about() {
    return about;
  }

  @Override
  public void run(Bench.Figures fig, Path root, Map<String, String> options) throws Exception {
    Path specFile = root.resolve(spec);
    Path jar = LocalCluster.shadedJar(root);
    String cp = LocalCluster.classpath(root);
    fig.put("spec", spec);
    Path tmp = Files.createTempDirectory("basinbench-" + name);
    double wall;
    try {
      Path out = tmp.resolve("out");
      Path gc = tmp.resolve("gc.log");
      ScaleBench.Run run;
      try (LocalCluster host = new LocalCluster(root, tmp.resolve("logs"))) {
        run = ScaleBench.timed(host.process(name, List.of("-Xlog:gc:file=" + gc, "-cp", jar + ":" + cp,
            "org.basinbench.cli.Main", "run", specFile.toString(), "--master", "local[2]", "--no-report",
            "--out", out.toString())), out, host);
      }
      wall = run.wallSeconds();
      fig.put("trials", run.trials());
      fig.put("heap_max_mb", 1024L);
      fig.put("peak_heap_mb", peakHeapMb(gc));
      run.print(fig, "local2", 2);
      double[] sums = ScaleBench.sums(out, "iterations", "wall_ms");
      fig.put("local2.solver_s_per_core", sums[1] / 1e3 / 2);
      fig.put("trial_steps", (long) sums[0]);
      fig.put("trial_steps_per_s", sums[0] / run.runSeconds());
      fig.put("solver_trial_steps_per_s_per_core", sums[0] / (sums[1] / 1e3));
    } finally {
      ScaleBench.stopSession();
      ScaleBench.delete(tmp);
    }
    String dir = options.get("--peers");
    if (dir != null) {
      for (List<String> peer : peers) {
        Peers.Result r = Peers.run(Path.of(dir), peer);
        String key = "peer." + r.label();
        fig.put(key + ".command", r.command());
        fig.put(key + ".wall_s", r.seconds());
        fig.put(key + ".ratio", r.seconds() / wall);
      }
    }
  }

  /** {@code GC(n) Pause ... 612M->80M(1024M)}: the largest heap in use before a collection. */
  private static final Pattern PAUSE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

  static long peakHeapMb(Path gcLog) throws IOException {
    long peak = 0;
    List<String> lines = Files.exists(gcLog) ? Files.readAllLines(gcLog) : new ArrayList<>();
    for (String line : lines) {
      Matcher m = PAUSE.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Math.max(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
      }
    }
    return peak;
  }
}
