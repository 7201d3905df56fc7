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
 * heap and GC logging:
 * <ul>
 *   <li>{@code riphalf}: {@code jobs/bench-riphalf.json}, 100,000 rip-half starts x 10,000 GD
 *       steps. Wall time from JVM start to exit, run time, trial-steps per second of run time and
 *       of summed solver time, the solver fraction, peak heap;</li>
 *   <li>{@code memory}: {@code jobs/bench-memory.json}, 1,000,000 small trials. Whether it completes
 *       in the heap, the peak heap in use before a collection, and the run time.</li>
 * </ul>
 */
final class JobBench implements Bench.Case {
  private final String name;
  private final String spec;

  JobBench(String name, String spec) {
    this.name = name;
    this.spec = spec;
  }

  @Override
  public String about() {
    return "riphalf".equals(name)
        ? "jobs/bench-riphalf.json (1e9 rip-half GD trial-steps) at local[2]: wall time, trial-steps/s, peak heap"
        : "jobs/bench-memory.json (1,000,000 trials) at local[2] in a 1 GiB heap: peak heap, run time";
  }

  @Override
  public void run(Bench.Figures fig, Path root, Map<String, String> options) throws Exception {
    Path specFile = root.resolve(spec);
    Path jar = LocalCluster.shadedJar(root);
    String cp = LocalCluster.classpath(root);
    fig.put("spec", spec);
    Path tmp = Files.createTempDirectory("basinbench-" + name);
    try {
      Path out = tmp.resolve("out");
      Path gc = tmp.resolve("gc.log");
      ScaleBench.Run run;
      try (LocalCluster host = new LocalCluster(root, tmp.resolve("logs"))) {
        run = ScaleBench.timed(host.process(name, List.of("-Xlog:gc:file=" + gc, "-cp", jar + ":" + cp,
            "org.basinbench.cli.Main", "run", specFile.toString(), "--master", "local[2]", "--no-report",
            "--out", out.toString())), out, host);
      }
      fig.put("trials", run.trials());
      fig.put("heap_max_mb", 1024L);
      fig.put("peak_heap_mb", peakHeapMb(gc));
      run.print(fig, "local2", 2);
      if ("riphalf".equals(name)) {
        double[] sums = ScaleBench.sums(out, "iterations", "wall_ms");
        fig.put("trial_steps", (long) sums[0]);
        fig.put("trial_steps_per_s", sums[0] / run.runSeconds());
        fig.put("solver_trial_steps_per_s_per_core", sums[0] / (sums[1] / 1e3));
      }
    } finally {
      ScaleBench.stopSession();
      ScaleBench.delete(tmp);
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
