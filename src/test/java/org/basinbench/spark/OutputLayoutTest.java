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

  /** One writer: a second run into a directory another holds is refused, naming the holder. */
  @Test
  void aSecondWriterIsRefusedNamingTheHolderUntilTheLockIsReleased() throws Exception {
    Path out = tmp.resolve("locked");
    java.io.PrintStream quiet = new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
    try (OutputLayout first = OutputLayout.open(out.toString(), new Configuration());
         OutputLayout second = OutputLayout.open(out.toString(), new Configuration())) {
      first.lock(false, quiet);
      String holder = Files.readString(out.resolve(OutputLayout.LOCK));
      assertTrue(holder.contains("pid=" + ProcessHandle.current().pid()), holder);
      OutputException e = assertThrows(OutputException.class, () -> second.lock(false, quiet));
      assertTrue(e.getMessage().contains("in use by another run") && e.getMessage().contains("--wait")
          && e.getMessage().contains("pid " + ProcessHandle.current().pid()), e.getMessage());
      assertEquals(holder, Files.readString(out.resolve(OutputLayout.LOCK)), "the refused run wrote nothing");
      first.cleanup();
      assertFalse(Files.exists(out.resolve(OutputLayout.LOCK)), "released on cleanup");
      second.lock(false, quiet);
      second.cleanup();
    }
    try (java.util.stream.Stream<Path> left = Files.list(out)) {
      assertEquals(List.of(OutputLayout.MARKER), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** With --wait, the second run takes the lock once the first releases it. */
  @Test
  void aWaitingWriterTakesTheLockWhenItIsReleased() throws Exception {
    Path out = tmp.resolve("wait");
    java.io.ByteArrayOutputStream notes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream err = new java.io.PrintStream(notes, true);
    try (OutputLayout first = OutputLayout.open(out.toString(), new Configuration());
         OutputLayout second = OutputLayout.open(out.toString(), new Configuration())) {
      first.lock(false, err);
      java.util.concurrent.CompletableFuture<Void> waiting = java.util.concurrent.CompletableFuture.runAsync(() -> {
        try {
          second.lock(true, err);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      // The waiter is waiting (it said so) and has not taken the lock.
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (!notes.toString().contains("waiting for it to finish") && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(notes.toString().contains("waiting for it to finish"), notes.toString());
      assertFalse(waiting.isDone());
      first.cleanup();
      waiting.get(20, java.util.concurrent.TimeUnit.SECONDS);
      assertTrue(Files.readString(out.resolve(OutputLayout.LOCK)).contains("pid="));
      second.cleanup();
      assertFalse(Files.exists(out.resolve(OutputLayout.LOCK)));
    }
  }

  /** A lock whose process is gone is reported with the command that removes it, and kept. */
  @Test
  void aStaleLockIsReportedWithTheCommandThatRemovesIt() throws Exception {
    Path out = tmp.resolve("stale");
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    publishVersionOne(out);
    String lock = "run=run-killed\nhost=" + java.net.InetAddress.getLocalHost().getHostName() + "\npid=" + gone.pid()
        + "\nstarted=2026-12-01T00:00:00Z\n";
    Files.writeString(out.resolve(OutputLayout.LOCK), lock);
    try (OutputLayout next = OutputLayout.open(out.toString(), new Configuration())) {
      OutputException e = assertThrows(OutputException.class,
          () -> next.lock(true, new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
      assertTrue(e.getMessage().contains("run-killed") && e.getMessage().contains("no longer running")
          && e.getMessage().contains("rm '" + out.resolve(OutputLayout.LOCK) + "'"), e.getMessage());
    }
    assertEquals(lock, Files.readString(out.resolve(OutputLayout.LOCK)), "never broken silently");
    assertEquals("trials v1", read(out, "trials"));
  }
}
