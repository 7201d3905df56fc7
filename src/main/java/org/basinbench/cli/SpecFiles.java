package org.basinbench.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.basinbench.spark.HadoopFiles;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.FileSource;
import org.basinbench.spec.SpecException;
import org.basinbench.spec.SpecParser;

/** The spec files of {@code run} and {@code validate}: parsed together, every problem reported at once. */
final class SpecFiles {
  private SpecFiles() {}

  /** Parses every spec; reports all problems of all files at once. */
  static List<Experiment> load(List<String> files) throws SpecException {
    FileSource source = HadoopFiles.fromSparkConf();
    List<Experiment> all = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    for (String f : files) {
      try {
        for (Experiment e : SpecParser.parseFile(f, source)) {
          String other = names.putIfAbsent(e.name(), f);
          if (other != null) {
            problems.add(f + ": $.experiment: experiment name \"" + e.name() + "\" is also used in " + other
                + "; each experiment writes its own tables, so names must be unique");
          }
          all.add(e);
        }
      } catch (SpecException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new SpecException(problems);
    }
    return all;
  }

  /** The experiments of every file, or null after printing every problem to stderr. */
  static List<Experiment> loadOrReport(List<String> files, String consequence, Printer printer) {
    try {
      return load(files);
    } catch (SpecException e) {
      e.problems().forEach(printer.err::println);
      printer.err.println("invalid: " + e.problems().size() + " problem(s)" + consequence);
      return null;
    }
  }
}
