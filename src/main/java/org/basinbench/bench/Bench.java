package org.basinbench.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code basinbench bench CASE...}: benchmarks that print figures, one {@code name: value} line
 * each (a stable format: lines can be compared across runs with {@code diff} or {@code join}).
 * Figures are measured, never asserted: speed targets are read off this output, not tested.
 */
public final class Bench {
  /** One benchmark case. */
  interface Case {
    /** What it measures, for the usage text. */
    String about();

    /** Runs the case, printing its figures through {@code fig}. */
    void run(Figures fig, Path root, Map<String, String> options) throws Exception;
  }

  /** Prints {@code name: value} lines under a case's prefix. */
  public static final class Figures {
    private final PrintStream out;
    private final String prefix;

    Figures(PrintStream out, String prefix) {
      this.out = out;
      this.prefix = prefix;
    }

    void put(String name, String value) {
      out.println(prefix + name + ": " + value);
      out.flush();
    }

    void put(String name, double value) {
      put(name, Double.isFinite(value) ? String.format(Locale.ROOT, "%.4g", value) : String.valueOf(value));
    }

    void put(String name, long value) {
      put(name, Long.toString(value));
    }
  }

  static final Map<String, Case> CASES = new LinkedHashMap<>();

  static {
    CASES.put("kernels", new KernelBench());
    CASES.put("scale", new ScaleBench());
    CASES.put("quickstart", new JobBench("quickstart", "jobs/quickstart.json",
        "jobs/quickstart.json (5,000 Theorem 2 PGD trials) at local[2]: wall time, run time, solver time",
        List.of(List.of("quickstart_numpy.py", "1000", "2"))));
    CASES.put("theorem2", new JobBench("theorem2", "jobs/bench-scale.json",
        "jobs/bench-scale.json (20,000 Theorem 2 PGD trials) at local[2]: wall time, run time, solver time",
        List.of(List.of("quickstart_numpy.py", "4000", "2"), List.of("quickstart_c.c", "4000", "2"))));
    CASES.put("riphalf", new JobBench("riphalf", "jobs/bench-riphalf.json",
        "jobs/bench-riphalf.json (300,000 rip-half starts x 10,000 GD steps) at local[2]: wall time, trial-steps/s",
        List.of(List.of("rip_half_numpy.py", "300000", "10000", "2"), List.of("rip_half_c.c", "300000", "10000", "2"))));
    CASES.put("starcvx", new JobBench("starcvx", "jobs/bench-starcvx.json",
        "jobs/bench-starcvx.json (20,000 planted 100 x 100 draws, two segments each) at local[2]: wall time",
        List.of(List.of("starcvx_numpy.py", "100", "10", "20000", "2"))));
    CASES.put("memory", new JobBench("memory", "jobs/bench-memory.json",
        "jobs/bench-memory.json (1,000,000 trials) at local[2] in a 1 GiB heap: peak heap, run time", List.of()));
  }

  private Bench() {}

  /** The cases, name to what it measures, in the order {@code all} runs them. */
  public static Map<String, String> cases() {
    Map<String, String> about = new LinkedHashMap<>();
    CASES.forEach((name, c) -> about.put(name, c.about()));
    return about;
  }

  /**
   * Entry point for a benchmark JVM of its own: the same as {@code basinbench bench ARGS}
   * (the command line, org.basinbench.cli, parses the arguments).
   */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    org.basinbench.cli.Main.main(all);
  }

  /**
   * Runs the named cases (names from {@link #cases()}) with their options ({@code --spec FILE},
   * {@code --no-cluster}: option name to value, "true" for a flag); returns the exit code.
   */
  public static int run(List<String> cases, Map<String, String> options, PrintStream out, PrintStream err) {
    for (String name : cases) {
      if (!CASES.containsKey(name)) {
        throw new IllegalArgumentException("unknown bench case '" + name + "'");
      }
    }
    Path root = Path.of(System.getProperty("basinbench.home", "")).toAbsolutePath();
    Figures machine = new Figures(out, "machine.");
    machine.put("cpu", Machine.cpuModel());
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    for (String name : cases) {
      try {
        CASES.get(name).run(new Figures(out, name + "."), root, options);
      } catch (Exception e) {
        err.println("basinbench: bench case " + name + " failed: " + e);
        return 1;
      }
    }
    return 0;
  }
}
