package org.basinbench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The numeric layers (style.md: "nothing below spark imports org.apache.spark") are pure Java
 * plus commons-math3: no Spark and no Jackson, so they run unchanged inside executors and in
 * plain unit tests. Checks the main sources of exactly these packages (surefire runs with
 * the module directory as working directory).
 */
class NumericCoreIsolationTest {

  private static final List<String> NUMERIC_PACKAGES =
      List.of("linalg", "rng", "objective", "instance", "solver", "family", "algorithm");

  private static final List<String> FORBIDDEN = List.of("org.apache.spark", "com.fasterxml");

  /** spec and run may read JSON (Jackson) but, like everything below spark, never import Spark. */
  @Test
  void specAndRunDoNotImportSpark() throws IOException {
    int filesChecked = 0;
    for (String pkg : List.of("spec", "run")) {
      try (Stream<Path> walk = Files.walk(Path.of("src", "main", "java", "org", "basinbench", pkg))) {
        for (Path source : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
          String text = Files.readString(source, StandardCharsets.UTF_8);
          assertTrue(!text.contains("org.apache.spark"), source + " references org.apache.spark");
          filesChecked++;
        }
      }
    }
    assertTrue(filesChecked >= 10, "expected the spec and run sources, found " + filesChecked);
  }

  @Test
  void numericPackagesDoNotImportSparkOrJackson() throws IOException {
    int filesChecked = 0;
    for (String pkg : NUMERIC_PACKAGES) {
      final Path dir = Path.of("src", "main", "java", "org", "basinbench", pkg);
      assertTrue(Files.isDirectory(dir), "missing source directory " + dir.toAbsolutePath());
      final List<Path> sources;
      try (Stream<Path> walk = Files.walk(dir)) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
      }
      for (Path source : sources) {
        final String text = Files.readString(source, StandardCharsets.UTF_8);
        for (String forbidden : FORBIDDEN) {
          assertTrue(!text.contains(forbidden), source + " references " + forbidden);
        }
        filesChecked++;
      }
    }
    assertTrue(filesChecked >= 12, "expected the numeric sources, found " + filesChecked);
  }
}
