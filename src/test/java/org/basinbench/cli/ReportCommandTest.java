package org.basinbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.basinbench.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code basinbench report} and the report that {@code run} writes: exit codes, paths, nothing written on bad input. */
class ReportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void runWritesTheReportUnlessToldNotToAndReportRewritesIt() throws Exception {
    TestSpark.session();
    Path spec = Files.writeString(tmp.resolve("good.json"), MainTest.VALID);
    Path out = tmp.resolve("out");
    MainTest.Result plain = MainTest.exec("run", spec.toString(), "--out", out.toString(), "--no-report");
    assertEquals(Main.OK, plain.code(), plain.err());
    assertFalse(Files.exists(out.resolve("report.html")), "--no-report writes no report");

    MainTest.Result forced = MainTest.exec("run", spec.toString(), "--out", out.toString(), "--force");
    assertEquals(Main.OK, forced.code(), forced.err());
    assertTrue(forced.out().contains("report: ") && forced.out().contains("report.html"), forced.out());
    String html = Files.readString(out.resolve("report.html"));
    assertTrue(html.contains("<h2>cli</h2>") && html.contains("id=\"exp-0-outcomes\""), "the experiment and a chart");

    Path elsewhere = tmp.resolve("elsewhere.html");
    MainTest.Result r = MainTest.exec("report", out.toString(), "--html", elsewhere.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(Files.size(elsewhere) > 1_000_000, "Plotly is inlined");
    try (var files = Files.list(tmp)) {
      assertEquals(List.of(), files.filter(p -> p.getFileName().toString().contains(".tmp-")).toList(),
          "no temporary file left");
    }
  }

  @Test
  void badInputExitsTwoWithOneLineAndWritesNothing() throws Exception {
    Path missing = tmp.resolve("missing");
    MainTest.Result r = MainTest.exec("report", missing.toString());
    assertEquals(Main.INVALID, r.code());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("does not exist"), r.err());
    assertFalse(Files.exists(missing));

    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("notes.txt"), "not a run\n");
    r = MainTest.exec("report", foreign.toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.err().contains("not a BasinBench output directory (no .basinbench marker)"), r.err());
    try (var files = Files.list(foreign)) {
      assertEquals(1, files.count(), "nothing written");
    }

    Path run = Files.createDirectories(tmp.resolve("run"));
    Files.writeString(run.resolve(".basinbench"), "BasinBench output directory\n");
    r = MainTest.exec("report", run.toString(), "--html", tmp.resolve("no/such/dir/r.html").toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.err().contains("--html: the directory of"), r.err());

    assertEquals(Main.INVALID, MainTest.exec("report").code());
    assertEquals(Main.INVALID, MainTest.exec("report", "a", "b").code());
    assertEquals(Main.INVALID, MainTest.exec("report", run.toString(), "--htm", "x").code());
    MainTest.Result help = MainTest.exec("report", "--help");
    assertEquals(Main.OK, help.code());
    assertTrue(help.out().contains("Usage: basinbench report [-h] [--html=FILE] OUT"), help.out());
  }
}
