package org.basinbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.basinbench.instance.Problem;
import org.basinbench.objective.Objective;
import org.basinbench.rng.SplitMix64;
import org.basinbench.spark.TestSpark;
import org.basinbench.spec.InstanceSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example extension (examples/symmetric-nmf): its sources, outside src/main, are compiled
 * and packed into a jar here, as a user would build them; the jar then runs through the command
 * line and Spark in a separate JVM, exactly as {@code BASINBENCH_JARS=... bin/basinbench run}
 * runs it. The suite's own JVM never sees the extension, so every other test sees only the
 * built-in units.
 */
public class ExtensionExampleTest {
  public static final Path EXAMPLE = Path.of("examples", "symmetric-nmf");
  public static final Path JAR = Path.of("target", "example-extension", "symmetric-nmf-example.jar");

  @BeforeAll
  static void buildTheJar() throws IOException {
    buildJar();
  }

  /** Compiles the example's sources and packs them with their resources into {@link #JAR}; returns its absolute path. */
  public static Path buildJar() throws IOException {
    Path classes = Path.of("target", "example-extension", "classes");
    Files.createDirectories(classes);
    List<String> sources;
    try (Stream<Path> walk = Files.walk(EXAMPLE.resolve("src/main/java"))) {
      sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    // Against BasinBench's own classes only, all the example imports: the whole test class
    // path would lint (-Xlint:path) the Class-Path entries in dependencies' manifests that
    // name jars Maven lays out elsewhere (org.bytedeco:openblas names javacpp.jar).
    String basinbench;
    try {
      basinbench = Path.of(InstanceSpec.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-proc:none",
        "-cp", basinbench, "-d", classes.toString()));
    args.addAll(sources);
    assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "the example compiles without warnings");
    Path resources = EXAMPLE.resolve("src/main/resources");
    try (OutputStream file = Files.newOutputStream(JAR); JarOutputStream jar = new JarOutputStream(file)) {
      for (Path root : List.of(classes, resources)) {
        try (Stream<Path> walk = Files.walk(root)) {
          for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
            jar.putNextEntry(new JarEntry(root.relativize(p).toString().replace('\\', '/')));
            jar.write(Files.readAllBytes(p));
            jar.closeEntry();
          }
        }
      }
    }
    return JAR.toAbsolutePath();
  }

  /** The family's gradient against central differences, and its truth: loss 0, gradient 0. */
  @Test
  void theExampleProblemIsRight() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {JAR.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> spec = loader.loadClass("org.example.symnmf.SymmetricNmfFamily$Spec");
      InstanceSpec inst = (InstanceSpec) spec.getConstructor(int.class, int.class, int.class, double.class, int.class)
          .newInstance(5, 2, 3, 1.0, 1);
      Problem p = inst.problem(new SplitMix64(3));
      Objective f = p.objective();
      SplitMix64 rng = new SplitMix64(4);
      double[] x = new double[f.dim()];
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextHalfNormal();
      }
      double[] g = new double[x.length];
      f.valueAndGradient(x, g);
      double h = 1e-5;
      for (int i = 0; i < x.length; i++) {
        double[] up = x.clone();
        double[] down = x.clone();
        up[i] += h;
        down[i] -= h;
        double fd = (f.value(up) - f.value(down)) / (2 * h);
        // Central differences of a quartic: error O(h^2 |f'''|) ~ 1e-9 here, far below 1e-6.
        assertEquals(fd, g[i], 1e-6 * Math.max(1, Math.abs(fd)), "d f / d x_" + i);
      }
      double[] truth = p.truthPoint();
      assertEquals(0.0, f.valueAndGradient(truth, g), 1e-12, "the truth has loss 0");
      for (double v : g) {
        assertEquals(0.0, v, 1e-12, "and zero gradient");
      }
    }
  }

  /** Through the command line and Spark, with the jar on the class path: a run, and a refusal. */
  @Test
  void theExampleRunsThroughSpark(@TempDir Path tmp) throws Exception {
    Path out = tmp.resolve("out");
    Path log = tmp.resolve("run.log");
    int rc = child(log, true, "run", EXAMPLE.resolve("symmetric-nmf.json").toString(), "--master", "local[2]", "--out",
        out.toString(), "--no-report");
    String text = Files.readString(log);
    assertEquals(0, rc, text);
    Dataset<Row> trials = TestSpark.session().read()
        .parquet(out.resolve("trials/experiment=symmetric-nmf-example").toString());
    assertEquals(200, trials.count(), "2 cells x 100 trials");
    assertEquals(200, trials.filter("family = 'symmetric-nmf' and truth_scale = 1.0").count(),
        "the extension's own column is written");
    long success = trials.filter("outcome = 'SUCCESS'").count();
    // Projected gradient from small half-normal starts on this planted instance recovers
    // U* U*^T in most runs (measured: 200 of 200 at seed 11); 150 leaves room for a change of
    // seed without letting a broken objective (which recovers nothing) pass.
    assertTrue(success >= 150, success + " of 200 recovered\n" + text);
    Dataset<Row> certificates = TestSpark.session().read()
        .parquet(out.resolve("certificates/experiment=symmetric-nmf-example").toString());
    assertTrue(certificates.filter("point = 'truth' and kkt_residual < 1e-9").count() >= 1,
        "the truth is certified stationary");
    String manifest = Files.readString(out.resolve("manifests/symmetric-nmf-example.json"));
    assertTrue(manifest.contains("family symmetric-nmf (org.example.symnmf.SymmetricNmfFamily)"),
        "the manifest names the extension that ran");

    // A solver the family cannot serve is refused by the same rule as for built-in families.
    Path mu = tmp.resolve("mu.json");
    Files.writeString(mu, Files.readString(EXAMPLE.resolve("symmetric-nmf.json"))
        .replace("{\"name\": \"pgd\", \"step\": 0.02, \"maxIter\": 20000, \"tol\": 1e-9}", "{\"name\": \"mu\"}"));
    assertEquals(2, child(log, true, "validate", mu.toString()));
    String refusal = Files.readString(log);
    assertTrue(refusal.contains("$.solvers[0].name") && refusal.contains("does not apply to symmetric-nmf"), refusal);

    // Without the jar, the family is unknown, and the message says which ones exist.
    assertEquals(2, child(log, false, "validate", EXAMPLE.resolve("symmetric-nmf.json").toString()));
    String unknown = Files.readString(log);
    assertTrue(unknown.contains("$.instance.family") && unknown.contains("\"symmetric-nmf\""), unknown);
  }

  private static int child(Path log, boolean withJar, String... args) throws IOException, InterruptedException {
    String cp = System.getProperty("java.class.path") + (withJar ? java.io.File.pathSeparator + JAR.toAbsolutePath()
        : "");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@" + Path.of("conf/jvm.args").toAbsolutePath(),
        "-Dlog4j2.configurationFile=" + Path.of("conf/log4j2.properties").toAbsolutePath(),
        "-cp", cp, "org.basinbench.cli.Main"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("BASINBENCH_PROGRESS", "plain");
    Process p = pb.start();
    try {
      assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child finished");
      return p.exitValue();
    } finally {
      p.destroyForcibly();
    }
  }
}
