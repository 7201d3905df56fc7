package org.basinbench.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
    CASES.put("riphalf", new JobBench("riphalf", "jobs/bench-riphalf.json"));
    CASES.put("memory", new JobBench("memory", "jobs/bench-memory.json"));
  }

  private Bench() {}

  static String usage() {
    StringBuilder b = new StringBuilder("""
        Usage: basinbench bench CASE... [--spec FILE] [--no-cluster]
               basinbench bench all

        Runs benchmark cases and prints one 'name: value' line per figure (machine facts first).
        Run from a checkout built by bin/basinbench (the cases that start JVMs use target/).

        Cases:
        """);
    CASES.forEach((name, c) -> b.append(String.format(Locale.ROOT, "  %-10s %s%n", name, c.about())));
    b.append("""

        Options:
          --spec FILE     scale: the spec to run (default jobs/bench-scale.json)
          --no-cluster    scale: local[1] and local[2] only, no standalone cluster
        """);
    return b.toString();
  }

  /** Entry point for a benchmark JVM of its own ({@code basinbench bench} is the usual way). */
  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs {@code bench} with its arguments; returns the exit code. */
  public static int run(List<String> args, PrintStream out, PrintStream err) {
    List<String> cases = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "-h", "--help" -> {
          out.print(usage());
          return 0;
        }
        case "--no-cluster" -> options.put(a, "true");
        case "--spec" -> {
          if (i + 1 >= args.size()) {
            err.println("basinbench: option --spec needs a value");
            return 2;
          }
          options.put(a, args.get(++i));
        }
        case "all" -> cases.addAll(CASES.keySet());
        default -> {
          if (!CASES.containsKey(a)) {
            err.println("basinbench: unknown bench case or option '" + a + "'; cases: all, "
                + String.join(", ", CASES.keySet()));
            return 2;
          }
          cases.add(a);
        }
      }
    }
    if (cases.isEmpty()) {
      err.print(usage());
      err.println("basinbench: 'bench' needs at least one case");
      return 2;
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
