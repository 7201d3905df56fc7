package org.basinbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.basinbench.spark.TestSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir
  Path tmp;

  /** Result of one command: exit code, stdout, stderr. */
  record Result(int code, String out, String err) {}

  static Result exec(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path spec(String name, String json) throws IOException {
    return Files.writeString(tmp.resolve(name), json);
  }

  static final String VALID = """
      {"experiment": "cli", "seed": 1, "trials": 6,
       "instance": {"family": "nonneg-counterexample", "n": 3, "rStar": 1, "r": 1, "alpha": 0.5, "epsilon": 0.5},
       "init": {"kind": "uniform", "bound": 1.0},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}]}
      """;

  static List<Path> listing(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void helpOnEveryCommandExitsZero() {
    for (String[] args : new String[][] {{"--help"}, {"run", "--help"}, {"validate", "--help"}, {"report", "-h"},
        {"schema", "--help"}, {"bench", "--help"}, {"completion", "--help"}, {"help", "run"}, {"help"}}) {
      Result r = exec(args);
      assertEquals(Main.OK, r.code(), String.join(" ", args));
      assertTrue(r.out().contains("Usage"), r.out());
    }
    assertTrue(exec("help", "run").out().contains("Usage: basinbench run "));
    assertTrue(exec("bench", "--help").out().contains("kernels"), "the cases are listed");
    assertTrue(exec("completion", "--help").out().contains("source <(basinbench completion)"));
    Result version = exec("--version");
    assertEquals(Main.OK, version.code());
    assertTrue(version.out().startsWith("basinbench "), version.out());
  }

  @Test
  void aNearMissGetsASuggestionAndExitsTwo() {
    Result command = exec("valdate", "x.json");
    assertEquals(Main.INVALID, command.code());
    assertTrue(command.err().contains("unknown command 'valdate'; did you mean validate?"), command.err());
    Result option = exec("run", "x.json", "--outt", "d");
    assertEquals(Main.INVALID, option.code());
    assertTrue(option.err().contains("unknown option --outt for 'run'; did you mean --out?"), option.err());
    Result abbreviated = exec("report", "d", "--htm", "x");
    assertEquals(Main.INVALID, abbreviated.code());
    assertTrue(abbreviated.err().contains("did you mean --html?"), abbreviated.err());
    Result benchCase = exec("bench", "kernals");
    assertEquals(Main.INVALID, benchCase.code());
    assertTrue(benchCase.err().contains("unknown bench case 'kernals'; did you mean kernels?"), benchCase.err());
    // No suggestion for a far miss: the list of what there is instead.
    Result far = exec("frobnicate");
    assertFalse(far.err().contains("did you mean"), far.err());
    assertTrue(far.err().contains("commands: run, report, validate, schema, bench, completion"), far.err());
    assertEquals(Main.INVALID, exec("schema", "extra").code());
  }

  @Test
  void completionPrintsABashScriptForEveryCommand() {
    Result r = exec("completion");
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("complete -F _complete_basinbench"), r.out());
    for (String word : List.of("run", "report", "validate", "schema", "bench", "--partitions", "--no-report",
        "--html", "riphalf")) {
      assertTrue(r.out().contains(word), word);
    }
  }

  @Test
  void badArgumentsExitTwo() {
    Result none = exec();
    assertEquals(Main.INVALID, none.code());
    assertTrue(none.err().contains("Usage"));
    Result unknown = exec("frobnicate");
    assertEquals(Main.INVALID, unknown.code());
    assertTrue(unknown.err().contains("unknown command 'frobnicate'"), unknown.err());
    Result option = exec("run", "x.json", "--outt", "d");
    assertEquals(Main.INVALID, option.code());
    assertTrue(option.err().contains("unknown option --outt"), option.err());
    assertEquals(Main.INVALID, exec("run").code());
    assertEquals(Main.INVALID, exec("run", "x.json", "--partitions", "0").code());
    Result value = exec("run", "x.json", "--out");
    assertEquals(Main.INVALID, value.code());
    assertTrue(value.err().contains("option --out needs a value"), value.err());
    Result missing = exec("run");
    assertTrue(missing.err().contains("'run' needs at least one SPEC.json"), missing.err());
  }

  @Test
  void validatePrintsTheExpandedGrid() throws IOException {
    Result r = exec("validate", spec("v.json", VALID).toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("cli (" + tmp.resolve("v.json") + "): 1 cells x 6 trials = 6 runs"), r.out());
    assertTrue(r.out().contains("valid: 1 experiment(s)"), r.out());
    assertTrue(r.out().contains("work: at most 1.20e+04 solver iterations, about "), r.out());
  }

  @Test
  void invalidSpecExitsTwoAndWritesNothing() throws IOException {
    Path bad = spec("bad.json", VALID.replace("\"alpha\": 0.5", "\"alpha\": -1"));
    Path missing = tmp.resolve("missing.json");
    Path out = tmp.resolve("out");
    Result r = exec("run", bad.toString(), missing.toString(), "--out", out.toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.err().contains("$.instance.alpha: must be a number > 0; got -1"), r.err());
    assertTrue(r.err().contains("missing.json: no such file"), r.err());
    assertFalse(Files.exists(out), "nothing written");
    Result v = exec("validate", bad.toString());
    assertEquals(Main.INVALID, v.code());
  }

  /** A bad certificates.draws is named with its allowed range, exits 2 and writes nothing. */
  @Test
  void badCertifiedDrawsExitTwoAndWriteNothing() throws IOException {
    Path out = tmp.resolve("out");
    for (String value : new String[] {"0", "-3", "2.5", "\"all\"", "1000001"}) {
      Path bad = spec("cert.json", VALID.replace("\"trials\": 6,", "\"trials\": 6, \"certificates\": {\"draws\": "
          + value + "},"));
      Result r = exec("run", bad.toString(), "--out", out.toString());
      assertEquals(Main.INVALID, r.code(), value);
      assertTrue(r.err().contains("$.certificates.draws: must be an integer in [1, 1000000]"), value + ": " + r.err());
      assertFalse(Files.exists(out), "nothing written");
    }
    Path unknown = spec("cert.json", VALID.replace("\"trials\": 6,", "\"trials\": 6, \"certificates\": {\"draw\": 2},"));
    Result r = exec("validate", unknown.toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.err().contains("$.certificates.draw"), r.err());
  }

  @Test
  void severalSpecFilesValidateTogetherAndNamesMustBeUniqueAcrossThem() throws IOException {
    Path a = spec("a.json", VALID);
    Path b = spec("b.json", VALID.replace("\"cli\"", "\"other\""));
    Result ok = exec("validate", a.toString(), b.toString());
    assertEquals(Main.OK, ok.code(), ok.err());
    assertTrue(ok.out().contains("valid: 2 experiment(s)"), ok.out());
    Result clash = exec("validate", a.toString(), spec("c.json", VALID).toString());
    assertEquals(Main.INVALID, clash.code());
    assertTrue(clash.err().contains("experiment name \"cli\" is also used in " + a), clash.err());
  }

  @Test
  void unusableOutputExitsTwoAndChangesNothing() throws IOException {
    Path good = spec("good.json", VALID);
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Result r = exec("run", good.toString(), "--out", file.toString());
    assertEquals(Main.INVALID, r.code());
    assertTrue(r.err().contains("exists and is a file"), r.err());
    assertEquals("x", Files.readString(file));

    Path under = file.resolve("sub");
    Result u = exec("run", good.toString(), "--out", under.toString());
    assertEquals(Main.INVALID, u.code());
    assertTrue(u.err().contains("is a file, not a directory"), u.err());

    Path foreign = Files.createDirectories(tmp.resolve("foreign"));
    Files.writeString(foreign.resolve("thesis.tex"), "mine");
    List<Path> before = listing(foreign);
    Result f = exec("run", good.toString(), "--out", foreign.toString());
    assertEquals(Main.INVALID, f.code());
    assertTrue(f.err().contains("no BasinBench run wrote"), f.err());
    assertEquals(before, listing(foreign));
  }

  @Test
  void runWritesTablesAndSummary() throws IOException {
    TestSpark.session(); // reuse the suite's session; Main must not stop it
    Path out = tmp.resolve("run-out");
    Result r = exec("run", spec("good.json", VALID).toString(), "--out", out.toString());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().contains("cli: 6 trials in 1 cells"), r.out());
    assertTrue(Files.isDirectory(out.resolve("trials/experiment=cli")));
    assertTrue(Files.isDirectory(out.resolve("cells/experiment=cli")));
    assertTrue(Files.exists(out.resolve("manifests/cli.json")));
    assertFalse(TestSpark.session().sparkContext().isStopped(), "the host's session is left running");
  }

  /** A BasinBench output directory with an earlier experiment's manifest in it. */
  Path earlierRun() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("earlier"));
    Files.writeString(out.resolve(".basinbench"), "BasinBench output directory\n");
    Files.createDirectories(out.resolve("manifests"));
    Files.writeString(out.resolve("manifests/cli.json"),
        "{\"experiment\": \"cli\", \"specHash\": \"0123456789abcdef\", \"source\": \"old.json\", \"tables\": {}}\n");
    return out;
  }

  /**
   * Every class of invalid input: exit code 2, one line per problem naming the field (or the
   * position) and what is allowed, every problem of the file at once, and the output
   * directory exactly as it was.
   */
  @Test
  void everyErrorClassExitsTwoNamesTheProblemAndLeavesTheOutputUnchanged() throws IOException {
    Path out = earlierRun();
    List<Path> before = listing(out);
    String[][] cases = {
        {"{\"experiment\": \"cli\", \"seed\": 1,\n  \"trials\": }", "malformed JSON at line 2, column"},
        {VALID.replace("\"trials\"", "\"trails\""), "$.trails: unknown field (did you mean \"trials\"?)"},
        {VALID.replace("\"trials\": 6", "\"trials\": \"six\""), "$.trials: must be an integer in [1, "},
        {VALID.replace("\"r\": 1,", "\"r\": 3,"), "r + rStar must be <= n (Theorem 2"},
        {VALID.replace("{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 2000}", "{\"name\": \"hals\"}"),
            "$.solvers[0].name: solver \"hals\" does not apply"},
        {VALID.replace("\"bound\": 1.0", "\"bound\": -1"), "$.init.bound: must be a number > 0; got -1"},
    };
    for (String[] c : cases) {
      Result r = exec("run", spec("case.json", c[0]).toString(), "--out", out.toString());
      assertEquals(Main.INVALID, r.code(), c[1]);
      assertTrue(r.err().contains(c[1]), "expected " + c[1] + " in " + r.err());
      assertEquals(before, listing(out), "output unchanged: " + c[1]);
    }
    // Several problems in one file: all reported, one line each.
    Result many = exec("run", spec("many.json", VALID.replace("\"trials\": 6", "\"trials\": 0")
        .replace("\"step\": 0.05", "\"step\": -0.05").replace("\"seed\": 1", "\"sede\": 1")).toString(),
        "--out", out.toString());
    assertEquals(Main.INVALID, many.code());
    List<String> lines = many.err().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.contains("$.trials: must be an integer in [1,")), many.err());
    assertTrue(lines.stream().anyMatch(l -> l.contains("$.solvers[0].step: must be a number > 0")), many.err());
    assertTrue(lines.stream().anyMatch(l -> l.contains("$.sede: unknown field (did you mean \"seed\"?)")), many.err());
    assertTrue(lines.stream().anyMatch(l -> l.contains("$.seed: missing required field")), many.err());
    assertTrue(many.err().contains("invalid: 4 problem(s); nothing was run or written"), many.err());
    assertEquals(before, listing(out));
  }

  /** The same experiment name from a different spec is refused (exit 2, nothing written) unless --force. */
  @Test
  void aDifferentSpecUnderAnExistingNameIsRefused() throws IOException {
    TestSpark.session();
    Path out = earlierRun();
    List<Path> before = listing(out);
    Result r = exec("run", spec("good.json", VALID).toString(), "--out", out.toString());
    assertEquals(Main.INVALID, r.code(), r.err());
    assertTrue(r.err().contains("experiment \"cli\"") && r.err().contains("was run from a different spec (old.json")
        && r.err().contains("--force"), r.err());
    assertEquals(before, listing(out));
    Result forced = exec("run", spec("good.json", VALID).toString(), "--out", out.toString(), "--force");
    assertEquals(Main.OK, forced.code(), forced.err());
    assertTrue(Files.isDirectory(out.resolve("trials/experiment=cli")));
    Result again = exec("run", spec("good.json", VALID).toString(), "--out", out.toString());
    assertEquals(Main.OK, again.code(), again.err());
    assertTrue(again.out().contains("already complete, not rerun"), again.out());
    assertEquals(Main.INVALID, exec("run", "x.json", "--force=yes").code(), "a flag takes no value");
  }

  /**
   * A directory another run writes into is refused at once (exit 2, the holder named, nothing
   * written), with --force too; a stale lock left by a killed run is reported with the command
   * that removes it.
   */
  @Test
  void aRunIntoADirectoryInUseIsRefusedWithExitTwo() throws Exception {
    TestSpark.session();
    Path out = tmp.resolve("busy");
    Files.createDirectories(out);
    Files.writeString(out.resolve(".basinbench"), "marker\n");
    String host = java.net.InetAddress.getLocalHost().getHostName();
    // Held by this very process (alive), as another run of it would.
    Files.writeString(out.resolve("_lock"), "run=run-other\nhost=" + host + "\npid=" + ProcessHandle.current().pid()
        + "\nstarted=2026-12-02T00:00:00Z\n");
    List<Path> before = listing(out);
    for (String force : new String[] {"--force", "--no-report"}) {
      Result r = exec("run", spec("good.json", VALID).toString(), "--out", out.toString(), force);
      assertEquals(Main.INVALID, r.code(), r.err());
      assertTrue(r.err().contains("in use by another run, run run-other") && r.err().contains("--wait"), r.err());
      assertEquals(before, listing(out), "nothing written");
    }
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Files.writeString(out.resolve("_lock"), "run=run-killed\nhost=" + host + "\npid=" + gone.pid()
        + "\nstarted=2026-12-02T00:00:00Z\n");
    Result stale = exec("run", spec("good.json", VALID).toString(), "--out", out.toString(), "--wait");
    assertEquals(Main.INVALID, stale.code(), stale.err());
    assertTrue(stale.err().contains("no longer running") && stale.err().contains("rm '"), stale.err());
    Files.delete(out.resolve("_lock"));
    Result ok = exec("run", spec("good.json", VALID).toString(), "--out", out.toString(), "--no-report");
    assertEquals(Main.OK, ok.code(), ok.err());
    assertFalse(Files.exists(out.resolve("_lock")));
  }
}
