package org.basinbench.cli;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.basinbench.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.TextTable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code basinbench bench}: benchmark cases ({@link Bench}), one {@code name: value} line per figure. */
@Command(name = "bench",
    header = "Run benchmark cases and print their figures ('name: value').",
    description = {
        "Runs benchmark cases and prints one 'name: value' line per figure (machine facts first). Run from a"
            + " checkout built by bin/basinbench (the cases that start JVMs use target/).",
        ""})
final class BenchCommand extends Subcommand {
  /** The case names, and {@code all}: for the completion script. */
  static final class CaseNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>(Bench.cases().keySet());
      names.add("all");
      return names.iterator();
    }
  }

  @Parameters(paramLabel = "CASE", arity = "1..*", completionCandidates = CaseNames.class,
      description = "a case below, or all: every case")
  List<String> cases;

  @Option(names = "--spec", paramLabel = "FILE", description = "scale: the spec to run (default jobs/bench-scale.json)")
  String spec;

  @Option(names = "--no-cluster", arity = "0", description = "scale: local[1] and local[2] only, no standalone cluster")
  boolean noCluster;

  @Option(names = "--peers", paramLabel = "DIR", description = "the end-to-end cases and kernels: also run each"
      + " case's peer (numpy, scikit-learn, C) from DIR right after, and print the ratio")
  java.nio.file.Path peers;

  /** Lists the cases and what each measures at the end of the command's help. */
  static void listCases(CommandSpec bench) {
    TextTable table = TextTable.forColumnWidths(Help.Ansi.OFF, 12, 68);
    Bench.cases().forEach((name, about) -> table.addRowValues("  " + name, about.replace("%", "%%")));
    List<String> footer = new ArrayList<>(List.of("", "Cases:"));
    footer.addAll(table.toString().lines().toList());
    bench.usageMessage().footer(footer.toArray(String[]::new));
  }

  @Override
  public Integer call() throws UsageException {
    List<String> names = new ArrayList<>();
    for (String c : cases) {
      if (c.equals("all")) {
        names.addAll(Bench.cases().keySet());
      } else if (Bench.cases().containsKey(c)) {
        names.add(c);
      } else {
        List<String> near = ArgumentErrors.near(c, caseNames());
        throw new UsageException("unknown bench case '" + c + "'; " + (near.isEmpty()
            ? "cases: all, " + String.join(", ", Bench.cases().keySet())
            : "did you mean " + String.join(" or ", near) + "?"));
      }
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (spec != null) {
      options.put("--spec", spec);
    }
    if (noCluster) {
      options.put("--no-cluster", "true");
    }
    if (peers != null) {
      if (!java.nio.file.Files.isDirectory(peers)) {
        throw new UsageException("--peers: " + peers + " is not a directory (the peer scripts, e.g. ../shared/bench/peers)");
      }
      options.put("--peers", peers.toAbsolutePath().toString());
    }
    Printer p = printer();
    return Bench.run(names, options, p.out, p.err);
  }

  private static List<String> caseNames() {
    List<String> all = new ArrayList<>();
    new CaseNames().forEach(all::add);
    return all;
  }
}
