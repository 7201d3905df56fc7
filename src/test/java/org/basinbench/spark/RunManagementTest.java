package org.basinbench.spark;

import org.basinbench.spec.Columns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.basinbench.run.Intervals;
import org.basinbench.spec.Experiment;
import org.basinbench.spec.SpecParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume, skip, --force, refusal of a changed spec, and adaptive trial counts. */
class RunManagementTest {
  static final String FIRST = """
      {"experiment": "first", "seed": 11, "trials": 20,
       "instance": {"family": "nonneg-counterexample", "n": 3, "rStar": 1, "r": 1, "alpha": [0.3, 0.8], "epsilon": 0.5},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}]}
      """;
  static final String SECOND = """
      {"experiment": "second", "seed": 12, "trials": 15,
       "instance": {"family": "nonneg-counterexample", "n": 4, "rStar": 1, "r": 2, "alpha": 0.7, "epsilon": 0.5},
       "init": {"kind": "uniform", "bound": 1.0},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}, {"name": "mu", "maxIter": 500}]}
      """;

  static SparkSession spark;
  static Experiment first;
  static Experiment second;

  @TempDir
  Path tmp;

  @BeforeAll
  static void setUp() throws Exception {
    spark = TestSpark.session();
    first = SpecParser.parse(FIRST, "first.json").get(0);
    second = SpecParser.parse(SECOND, "second.json").get(0);
  }

  static List<ExperimentSummary> run(Path out, int partitions, boolean force, Experiment... es) throws Exception {
    return new BasinBenchJob(spark, new BasinBenchJob.Options(out.toString(), partitions, false, force),
        new PrintStream(new ByteArrayOutputStream())).run(List.of(es));
  }

  /** A table's rows without the wall time (the one column that is not a function of the spec), as a set. */
  static Set<Row> rows(Path out, String table, String experiment) {
    org.apache.spark.sql.Dataset<Row> d = spark.read().parquet(out.resolve(table).resolve("experiment=" + experiment)
        .toString());
    if (List.of(d.columns()).contains(Schema.WALL_MS)) {
      d = d.drop(Schema.WALL_MS);
    }
    List<Row> list = d.collectAsList();
    Set<Row> set = new HashSet<>(list);
    assertEquals(list.size(), set.size(), "no duplicate rows in " + table);
    return set;
  }

  /** Every file under a directory with its modification time and size. */
  static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        FileTime t = Files.getLastModifiedTime(p);
        m.put(dir.relativize(p).toString(), t.toMillis() + ":" + Files.size(p));
      }
    }
    return m;
  }

  @Test
  void aRerunOfTheSameSpecSkipsCompleteExperimentsAndForceRecomputes() throws Exception {
    Path out = tmp.resolve("out");
    ExperimentSummary ran = run(out, 2, false, first).get(0);
    assertFalse(ran.skipped());
    Map<String, String> before = snapshot(out);
    Thread.sleep(20); // so that a rewrite would show in the modification times
    ExperimentSummary again = run(out, 3, false, first).get(0);
    assertTrue(again.skipped(), "same spec hash: skipped");
    assertEquals(ran.totalTrials(), again.totalTrials());
    assertEquals(ran.outcomes(), again.outcomes());
    assertEquals(ran.cellRows(), again.cellRows(), "the summary is read back from the published cells table");
    assertEquals(before, snapshot(out), "nothing rewritten");

    Set<Row> trials = rows(out, "trials", "first");
    ExperimentSummary forced = run(out, 3, true, first).get(0);
    assertFalse(forced.skipped(), "--force recomputes");
    assertEquals(trials, rows(out, "trials", "first"), "the same rows again");
  }

  @Test
  void aDifferentSpecUnderTheSameNameIsRefusedUnlessForced() throws Exception {
    Path out = tmp.resolve("out");
    run(out, 2, false, first);
    Map<String, String> before = snapshot(out);
    Experiment changed = SpecParser.parse(FIRST.replace("\"trials\": 20", "\"trials\": 21"), "changed.json").get(0);
    OutputException e = assertThrows(OutputException.class, () -> run(out, 2, false, second, changed));
    assertTrue(e.getMessage().contains("experiment \"first\"") && e.getMessage().contains("different spec")
        && e.getMessage().contains("--force"), e.getMessage());
    assertEquals(before, snapshot(out), "refused before any work: second was not run either");
    assertFalse(Files.exists(out.resolve("trials/experiment=second")));

    run(out, 2, true, changed);
    assertEquals(2 * 21, rows(out, "trials", "first").size(), "--force replaces the tables");
  }

  /**
   * A run killed after its first experiment (here: it published "first", then died leaving a
   * staging directory with partial files of "second"), started again, skips "first", runs
   * "second", and ends with tables identical to an uninterrupted run.
   */
  @Test
  void aKilledRunStartedAgainEndsWithTheTablesOfAnUninterruptedRun() throws Exception {
    Path whole = tmp.resolve("whole");
    run(whole, 0, false, first, second);

    Path resumed = tmp.resolve("resumed");
    run(resumed, 1, false, first);
    Path stale = resumed.resolve("_staging/run-killed/trials/experiment=second");
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("part-00000.parquet"), "truncated", StandardCharsets.UTF_8);
    List<ExperimentSummary> again = run(resumed, 3, false, first, second);
    assertTrue(again.get(0).skipped());
    assertFalse(again.get(1).skipped());
    for (String table : List.of("trials", "cells", "certificates")) {
      for (String name : List.of("first", "second")) {
        assertEquals(rows(whole, table, name), rows(resumed, table, name), table + " of " + name);
      }
    }
    assertTrue(Files.exists(stale), "another run's staging directory is never touched (it may still be running)");
  }

  @Test
  void theManifestRecordsProvenanceAndTheExpandedGrid() throws Exception {
    Path out = tmp.resolve("out");
    run(out, 0, false, second);
    JsonNode m = new ObjectMapper().readTree(out.resolve("manifests/second.json").toFile());
    assertEquals(second.specHash(), m.get("specHash").asText());
    assertEquals("second.json", m.get("source").asText());
    assertEquals(second.cells().size(), m.get("expanded").size());
    for (int i = 0; i < second.cells().size(); i++) {
      JsonNode c = m.get("expanded").get(i);
      assertEquals(second.cells().get(i).cellId(), c.get(Schema.CELL_ID).asText());
      assertEquals(15, c.get("trials").asInt());
      assertEquals(0.7, c.get(Columns.ALPHA.name()).asDouble(), 0.0);
    }
    for (String field : List.of("gitCommit", "basinbenchVersion", "sparkVersion", "master", "startedAt",
        "finishedAt")) {
      assertTrue(m.hasNonNull(field) && !m.get(field).asText().isEmpty(), field);
    }
    long sum = 0;
    for (JsonNode v : m.get("outcomes")) {
      sum += v.asLong();
    }
    assertEquals(m.get("totalTrials").asLong(), sum);
  }

  static final String ADAPTIVE = """
      {"experiment": "adaptive", "seed": 5, "trials": 20,
       "adaptive": {"halfWidth": 0.06, "maxTrials": 400},
       "instance": {"family": "nonneg-counterexample", "n": 3, "rStar": 1, "r": 1, "alpha": [0.2, 0.5, 0.9],
                    "epsilon": 0.5},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 2000}]}
      """;

  /**
   * Adaptive trials: every cell ends with an interval no wider than the target, or at the cap;
   * each cell's count follows the rule's rounds from 20; and the result does not depend on the
   * partitioning.
   */
  @Test
  void adaptiveTrialsStopAtTheTargetHalfWidthAndAreDeterministic() throws Exception {
    Experiment e = SpecParser.parse(ADAPTIVE, "adaptive.json").get(0);
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    run(a, 1, false, e);
    run(b, 4, false, e);
    assertEquals(rows(a, "trials", "adaptive"), rows(b, "trials", "adaptive"));
    assertEquals(rows(a, "cells", "adaptive"), rows(b, "cells", "adaptive"));

    List<Row> cells = new ArrayList<>(rows(a, "cells", "adaptive"));
    Set<Row> trials = rows(a, "trials", "adaptive");
    assertEquals(3, cells.size());
    Set<Long> counts = new HashSet<>();
    for (Row c : cells) {
      long n = c.<Long>getAs(Schema.TRIALS);
      long f = c.<Long>getAs(Schema.FAILURES);
      double half = (c.<Double>getAs(Schema.CI_HIGH) - c.<Double>getAs(Schema.CI_LOW)) / 2;
      assertTrue(half <= 0.06 || n == 400, "target met or cap reached: " + c);
      counts.add(n);
      // Trials of a cell are numbered 0..n-1 without gaps.
      List<Row> mine = trials.stream()
          .filter(r -> r.<Integer>getAs(Schema.CELL_INDEX).equals(c.<Integer>getAs(Schema.CELL_INDEX)))
          .sorted(java.util.Comparator.comparing((Row r) -> r.<Integer>getAs(Schema.TRIAL))).toList();
      assertEquals(n, mine.size());
      for (int t = 0; t < n; t++) {
        assertEquals(t, mine.get(t).<Integer>getAs(Schema.TRIAL));
      }
      // Replaying the rule on the cell's first k trials, k = 20, ..., gives rounds that end at n.
      long k = 20;
      while (true) {
        long fk = mine.subList(0, (int) k).stream().filter(r -> !"SUCCESS".equals(r.getAs(Schema.OUTCOME))).count();
        double[] w = Intervals.wilson(k, fk);
        long next = e.adaptive().nextTrials(k, fk, (w[1] - w[0]) / 2);
        if (next == k) {
          break;
        }
        k = next;
      }
      assertEquals(n, k, "the rounds of cell " + c);
      double[] ci = Intervals.wilson(n, f);
      assertEquals(ci[0], c.<Double>getAs(Schema.CI_LOW), 0.0);
    }
    // Failure rates of 1-40% (quickstart) need about 100-370 trials for +-0.06: more than one round.
    assertTrue(counts.stream().anyMatch(n -> n > 20), "some cell took more rounds: " + counts);
    JsonNode m = new ObjectMapper().readTree(a.resolve("manifests/adaptive.json").toFile());
    assertTrue(m.get("adaptive").get("rounds").asInt() > 1);
    assertEquals(m.get("totalTrials").asLong(), cells.stream().mapToLong(c -> c.<Long>getAs(Schema.TRIALS)).sum());
  }

  /**
   * The same spec under another master gives the same rows: the command line in a separate JVM
   * with {@code --master local[1]} and 2 partitions against this suite's {@code local[2]} with
   * 5 partitions.
   */
  @Test
  void aLocalOneRunInAnotherJvmWritesTheSameRowsAsLocalTwo() throws Exception {
    Path spec = Files.writeString(tmp.resolve("second.json"), SECOND);
    Path child = tmp.resolve("child");
    Process p = childRun(tmp.resolve("child.log"), spec.toString(), "--partitions", "2", "--out", child.toString());
    assertTrue(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS), "child run finished");
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve("child.log")));
    JsonNode m = new ObjectMapper().readTree(child.resolve("manifests/second.json").toFile());
    assertEquals("local[1]", m.get("master").asText());
    Path here = tmp.resolve("here");
    run(here, 5, false, second);
    for (String table : List.of("trials", "cells")) {
      assertEquals(rows(here, table, "second"), rows(child, table, "second"), table);
    }
  }

  /** The command line in a separate JVM (Spark local[1]); returns the process. */
  Process childRun(Path log, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("conf/jvm.args").toAbsolutePath(),
        "-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
        "-cp", System.getProperty("java.class.path"), "org.basinbench.cli.Main", "run", "--master", "local[1]"));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Whether a run into {@code out} has started writing experiment "second"'s trials. */
  static boolean secondStarted(Path out) throws IOException {
    Path staging = out.resolve("_staging");
    if (!Files.isDirectory(staging)) {
      return false;
    }
    try (var runs = Files.list(staging)) {
      return runs.anyMatch(r -> Files.exists(r.resolve("trials").resolve("experiment=second")));
    }
  }

  /**
   * One writer per output directory: while another run holds it, a run (forced or not) is
   * refused before any work, naming the holder, and the directory is left as it was; once the
   * holder is done, the same run goes through.
   */
  @Test
  void aRunIntoADirectoryAnotherRunHoldsIsRefused() throws Exception {
    Path out = tmp.resolve("shared");
    run(out, 0, false, first);
    String manifest = Files.readString(out.resolve("manifests/first.json"));
    try (OutputLayout other = OutputLayout.open(out.toString(), new org.apache.hadoop.conf.Configuration())) {
      other.lock(false, System.err);
      for (boolean force : new boolean[] {false, true}) {
        OutputException e = assertThrows(OutputException.class, () -> run(out, 0, force, first, second));
        assertTrue(e.getMessage().contains("in use by another run"), e.getMessage());
      }
      assertEquals(manifest, Files.readString(out.resolve("manifests/first.json")));
      assertFalse(Files.exists(out.resolve("manifests/second.json")), "nothing written");
      other.cleanup();
    }
    List<ExperimentSummary> after = run(out, 0, false, first, second);
    assertTrue(after.get(0).skipped());
    assertFalse(Files.exists(out.resolve(OutputLayout.LOCK)), "released at the end of the run");
  }

  /**
   * A real kill: a run in another JVM is killed (SIGKILL, no shutdown hook) while its second
   * experiment is computing; the same command started again skips the first, computes the
   * second, and the tables equal those of an uninterrupted run.
   */
  @Test
  void aRunKilledWithSigkillResumesToTheUninterruptedTables() throws Exception {
    String slow = SECOND.replace("\"trials\": 15", "\"trials\": 600");
    Path spec = Files.writeString(tmp.resolve("both.json"), "[" + FIRST + "," + slow + "]");
    Path out = tmp.resolve("killed");
    Process p = childRun(tmp.resolve("killed.log"), spec.toString(), "--out", out.toString());
    try {
      long deadline = System.nanoTime() + 240_000_000_000L;
      while (!Files.exists(out.resolve("manifests/first.json")) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(Files.exists(out.resolve("manifests/first.json")), Files.readString(tmp.resolve("killed.log")));
      // Into the second experiment's trials: its staged trials table exists once their write
      // job has started (a fixed sleep raced the now shorter runs).
      while (!secondStarted(out) && p.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      p.destroyForcibly(); // SIGKILL
      assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    } finally {
      p.destroyForcibly();
    }
    assertFalse(Files.exists(out.resolve("manifests/second.json")),
        "killed before the second experiment completed (else this test proves nothing)");
    assertFalse(Files.exists(out.resolve("trials/experiment=second")), "no half-written table is visible");

    // The killed run's lock is left: the next run reports it (with the command that removes it)
    // and writes nothing; removed as the message says, the run resumes.
    Experiment[] both = SpecParser.parse("[" + FIRST + "," + slow + "]", spec.toString()).toArray(Experiment[]::new);
    Path lock = out.resolve(OutputLayout.LOCK);
    assertTrue(Files.exists(lock), "SIGKILL runs no shutdown hook: the lock stays");
    OutputException stale = assertThrows(OutputException.class, () -> run(out, 0, false, both));
    assertTrue(stale.getMessage().contains("no longer running") && stale.getMessage().contains("rm '" + lock + "'"),
        stale.getMessage());
    assertFalse(Files.exists(out.resolve("manifests/second.json")));
    Files.delete(lock);
    Experiment slowE = SpecParser.parse(slow, "both.json").get(0);
    List<ExperimentSummary> again = run(out, 0, false, both);
    assertTrue(again.get(0).skipped(), "first is complete and skipped");
    assertFalse(again.get(1).skipped());
    Path whole = tmp.resolve("whole");
    run(whole, 3, false, first, slowE);
    for (String table : List.of("trials", "cells")) {
      for (String name : List.of("first", "second")) {
        assertEquals(rows(whole, table, name), rows(out, table, name), table + " of " + name);
      }
    }
  }
}
