package org.basinbench.cli;

import static org.basinbench.cli.MainTest.exec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.basinbench.spark.TestSpark;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs, the data files they name, and the output, all on a non-local Hadoop file system (the
 * {@code bbtest:} loopback, standing in for {@code hdfs:} or {@code s3a:}), through the command
 * line: the tables equal those of the same spec read from local paths.
 */
class HadoopPathsTest {
  private static final String IMPL = "fs." + LoopbackFileSystem.SCHEME + ".impl";
  private static final String CONTEXT_IMPL = "fs.AbstractFileSystem." + LoopbackFileSystem.SCHEME + ".impl";
  /** A real-data spec: its matrix is a relative path, resolved against the spec's directory. */
  private static final String SPEC = """
      {"experiment": "remote", "seed": 3, "trials": 8,
       "instance": {"family": "matrix-file", "path": "data/m.csv", "r": 2},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "hals", "maxIter": 50}, {"name": "mu", "maxIter": 50}]}
      """;

  @TempDir
  Path tmp;

  SparkSession spark;

  @BeforeEach
  void register() throws Exception {
    spark = TestSpark.session();
    // The run's tables go through the session's Hadoop configuration; the spec reader, which
    // runs before any session, takes spark.hadoop.* settings as spark-submit passes them.
    spark.sparkContext().hadoopConfiguration().set(IMPL, LoopbackFileSystem.class.getName());
    spark.sparkContext().hadoopConfiguration().set(CONTEXT_IMPL, LoopbackFs.class.getName());
    System.setProperty("spark.hadoop." + IMPL, LoopbackFileSystem.class.getName());
    Files.createDirectories(tmp.resolve("specs/data"));
    Files.writeString(tmp.resolve("specs/data/m.csv"), "1,2,3,0.5\n4,5,6,1\n7,8,10,2\n0,1,2,3\n");
    Files.writeString(tmp.resolve("specs/spec.json"), SPEC);
  }

  @AfterEach
  void unregister() {
    System.clearProperty("spark.hadoop." + IMPL);
    spark.sparkContext().hadoopConfiguration().unset(IMPL);
    spark.sparkContext().hadoopConfiguration().unset(CONTEXT_IMPL);
  }

  String remote(Path p) {
    return LoopbackFileSystem.SCHEME + "://" + p.toAbsolutePath();
  }

  Set<Row> rows(Path out, String table) {
    Dataset<Row> d = spark.read().parquet(out.resolve(table).resolve("experiment=remote").toString());
    if (List.of(d.columns()).contains("wall_ms")) {
      d = d.drop("wall_ms");
    }
    List<Row> list = d.collectAsList();
    assertFalse(list.isEmpty(), table + " has rows");
    Set<Row> set = new HashSet<>(list);
    assertEquals(list.size(), set.size(), "no duplicate rows in " + table);
    return set;
  }

  @Test
  void specDataAndOutputOnAHadoopFileSystem() {
    MainTest.Result v = exec("validate", remote(tmp.resolve("specs/spec.json")));
    assertEquals(0, v.code(), v.err());
    assertTrue(v.out().contains("remote (" + remote(tmp.resolve("specs/spec.json")) + "): 2 cells"), v.out());

    Path out = tmp.resolve("out-remote");
    MainTest.Result r = exec("run", remote(tmp.resolve("specs/spec.json")), "--out", remote(out));
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isRegularFile(out.resolve("report.html")), "the report goes to the same file system");

    Path local = tmp.resolve("out-local");
    MainTest.Result l = exec("run", tmp.resolve("specs/spec.json").toString(), "--out", local.toString(),
        "--no-report");
    assertEquals(0, l.code(), l.err());
    for (String table : List.of("trials", "cells")) {
      assertEquals(rows(local, table), rows(out, table), table + ": remote spec and output = local");
    }
  }

  @Test
  void missingRemoteFilesAreNamedAtTheirField() throws Exception {
    MainTest.Result none = exec("validate", remote(tmp.resolve("specs/absent.json")));
    assertEquals(2, none.code());
    assertTrue(none.err().contains(remote(tmp.resolve("specs/absent.json")) + ": no such file"), none.err());

    Files.delete(tmp.resolve("specs/data/m.csv"));
    MainTest.Result data = exec("run", remote(tmp.resolve("specs/spec.json")), "--out", remote(tmp.resolve("o")));
    assertEquals(2, data.code());
    // (Hadoop prints an empty authority as "bbtest:/path".)
    assertTrue(data.err().contains("$.instance.path: no such file: \"data/m.csv\" (" + LoopbackFileSystem.SCHEME + ":"
        + tmp.resolve("specs/data/m.csv").toAbsolutePath() + ")"), data.err());
    assertFalse(Files.exists(tmp.resolve("o")), "nothing written");

    MainTest.Result scheme = exec("validate", "nosuchfs:///x/spec.json");
    assertEquals(2, scheme.code());
    assertTrue(scheme.err().contains("nosuchfs:///x/spec.json: cannot read: No FileSystem for scheme"),
        scheme.err());
  }
}
