package org.basinbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLayoutTest {
  @TempDir
  Path tmp;

  static void stage(OutputLayout layout, String table, String experiment, String content) throws IOException {
    Path dir = Path.of(java.net.URI.create(layout.staged(table, experiment)));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("part-0.parquet"), content);
  }

  static String read(Path out, String table) throws IOException {
    return Files.readString(out.resolve(table).resolve("experiment=x").resolve("part-0.parquet"));
  }

  /** Publishes version 1 of experiment x's trials, cells and manifest into {@code out}. */
  static void publishVersionOne(Path out) throws Exception {
    try (OutputLayout first = OutputLayout.open(out.toString(), new Configuration())) {
      first.claim();
      stage(first, "trials", "x", "trials v1");
      stage(first, "cells", "x", "cells v1");
      first.publish("x", List.of("trials", "cells"), "{\"v\": 1}");
      first.cleanup();
    }
  }

  @Test
  void publishesTablesAndManifestAndReplacesEarlierVersions() throws Exception {
    Path out = tmp.resolve("out");
    publishVersionOne(out);
    try (OutputLayout second = OutputLayout.open(out.toString(), new Configuration())) {
      stage(second, "trials", "x", "trials v2");
      stage(second, "cells", "x", "cells v2");
      second.publish("x", List.of("trials", "cells"), "{\"v\": 2}");
      second.cleanup();
    }
    assertEquals("trials v2", read(out, "trials"));
    assertEquals("cells v2", read(out, "cells"));
    assertEquals("{\"v\": 2}", Files.readString(out.resolve("manifests/x.json")));
    assertFalse(Files.exists(out.resolve("_staging")));
    assertFalse(Files.exists(out.resolve("trials/experiment=x/experiment=x")), "never nested");
  }

  @Test
  void aFailedPublicationRestoresThePreviousTables() throws Exception {
    Path out = tmp.resolve("out");
    publishVersionOne(out);
    try (OutputLayout second = OutputLayout.open(out.toString(), new Configuration())) {
      stage(second, "trials", "x", "trials v2");
      // No staged cells table: the second move fails after trials v2 was already moved in.
      IOException e = assertThrows(IOException.class,
          () -> second.publish("x", List.of("trials", "cells"), "{\"v\": 2}"));
      assertTrue(e.getMessage().contains("the previous tables were restored"), e.getMessage());
      second.cleanup();
    }
    assertEquals("trials v1", read(out, "trials"));
    assertEquals("cells v1", read(out, "cells"));
    assertEquals("{\"v\": 1}", Files.readString(out.resolve("manifests/x.json")));
  }

  @Test
  void listsStagingDirectoriesOfOtherRuns() throws Exception {
    Path out = tmp.resolve("out");
    Path stale = Files.createDirectories(out.resolve("_staging/run-interrupted"));
    Files.writeString(out.resolve(".basinbench"), "marker");
    try (OutputLayout layout = OutputLayout.open(out.toString(), new Configuration())) {
      List<String> others = layout.otherStagingDirectories();
      assertEquals(1, others.size());
      assertTrue(others.get(0).endsWith("_staging/run-interrupted"), others.toString());
      layout.cleanup();
    }
    assertTrue(Files.isDirectory(stale), "another run's staging is never deleted");
  }
}
