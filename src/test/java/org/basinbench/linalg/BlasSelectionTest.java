package org.basinbench.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which BLAS {@link Blas} selects, each case in a child JVM of its own ({@link BlasProbe}: the
 * choice is made once per JVM), read from what the child reports and from the shared libraries
 * mapped into it ({@code /proc/self/maps}).
 *
 * <p>Every child runs with a "system BLAS" that netlib's default would take: a directory on
 * {@code LD_LIBRARY_PATH} holding a {@code libblas.so.3} (a copy of the bundled OpenBLAS under
 * that name, so the test does not depend on what the machine has installed). A control child
 * shows that netlib, left to itself, does load it; the cases then show that BasinBench never
 * does.
 */
class BlasSelectionTest {
  /**
   * The products through any BLAS against their defining sums: 1e-12 relative to the sum of
   * |terms| is far above any summation-order difference (k 2^-53 ~ 1e-14 for k = 60) and far
   * below any wrong index or transposition (an O(1) error).
   */
  static final double PRODUCT_TOLERANCE = 1e-12;

  @TempDir
  static Path system;

  static Path bundled;

  @BeforeAll
  static void aSystemLibblasThatNetlibWouldTake() throws Exception {
    bundled = BundledOpenBlas.load().path();
    Files.copy(bundled, system.resolve("libblas.so.3"), StandardCopyOption.COPY_ATTRIBUTES);
    // Its Fortran runtime, extracted beside it (libgcc_s, the system has).
    try (Stream<Path> beside = Files.list(bundled.getParent())) {
      for (Path p : beside.filter(p -> p.getFileName().toString().matches("lib(gfortran|quadmath)\\.so\\.\\d+"))
          .toList()) {
        Files.createSymbolicLink(system.resolve(p.getFileName()), p);
      }
    }
  }

  @Test
  void netlibLeftToItselfTakesTheSystemLibblas() throws Exception {
    Map<String, String> child = probe(List.of(), "netlib");
    assertEquals("JNIBLAS", child.get("implementation"), child.toString());
    assertTrue(mapped(child).contains(system.resolve("libblas.so.3").toString()),
        "the control child maps the system libblas.so.3: " + child);
  }

  @Test
  void theDefaultIsTheBundledOpenBlasThroughJni() throws Exception {
    Map<String, String> child = probe(List.of());
    String impl = child.get("implementation");
    assertTrue(impl.startsWith("OpenBLAS 0.3.31 (bundled, core ") && impl.endsWith(") via JNIBLAS"), impl);
    // The x86_64 build chooses its core at load, and the table in use must be identified.
    assertFalse(impl.contains("core unidentified") || impl.contains("core unknown"), impl);
    assertEquals(bundled.toString(), child.get("netlibPath"));
    assertTrue(mapped(child).contains(bundled.toString()), "the bundled library is mapped: " + child);
    assertNoSystemBlas(child);
    // OPENBLAS_NUM_THREADS is removed from the child's environment: the one thread is Blas's doing.
    assertEquals("1", child.get("threads"));
    assertTrue(Double.parseDouble(child.get("maxError")) < PRODUCT_TOLERANCE, child.toString());
  }

  @Test
  void withoutTheBundledLibraryItIsNetlibsJavaBlasNeverTheSystemOne() throws Exception {
    Map<String, String> child = probe(List.of("-D" + BundledOpenBlas.SWITCH + "=off"));
    assertEquals("true", child.get("javaBlas"), child.toString());
    assertTrue(child.get("implementation").matches("\\w+BLAS \\(bundled OpenBLAS did not load: switched off .*\\)"),
        child.toString());
    assertEquals(Blas.UNLOADABLE, child.get("netlibPath"));
    assertNoOpenBlas(child);
    assertTrue(Double.parseDouble(child.get("maxError")) < PRODUCT_TOLERANCE, child.toString());
  }

  /** A platform the jar has no natives for (as on a cluster node of another kind): Java again. */
  @Test
  void onAPlatformWithoutNativesItIsNetlibsJavaBlas() throws Exception {
    Map<String, String> child = probe(List.of("-Dorg.bytedeco.javacpp.platform=linux-ppc64le"));
    assertEquals("true", child.get("javaBlas"), child.toString());
    assertTrue(child.get("implementation").contains("no OpenBLAS natives for linux-ppc64le"), child.toString());
    assertNoOpenBlas(child);
    assertTrue(Double.parseDouble(child.get("maxError")) < PRODUCT_TOLERANCE, child.toString());
  }

  @Test
  void basinbenchBlasJavaGivesThePlainLoops() throws Exception {
    Map<String, String> child = probe(List.of("-Dbasinbench.blas=java"));
    assertEquals("java loops", child.get("implementation"));
    assertEquals("false", child.get("javaBlas"));
    assertNoOpenBlas(child);
    assertFalse(mapped(child).stream().anyMatch(f -> f.contains("netlibblasjni")), "netlib's JNI untouched: " + child);
    assertEquals(0.0, Double.parseDouble(child.get("maxError")), 1e-15, "the loops are the defining sums");
  }

  /** No mapped library is a libblas, and every OpenBLAS file mapped is the bundled one. */
  private static void assertNoSystemBlas(Map<String, String> child) {
    for (String f : mapped(child)) {
      assertFalse(f.startsWith(system.toString()) || Path.of(f).getFileName().toString().startsWith("libblas"),
          "a system BLAS is mapped: " + f);
      assertTrue(!isOpenBlas(f) || Path.of(f).getParent().equals(bundled.getParent()),
          "an OpenBLAS other than the bundled one is mapped: " + f);
    }
  }

  private static void assertNoOpenBlas(Map<String, String> child) {
    assertNoSystemBlas(child);
    assertFalse(mapped(child).stream().anyMatch(BlasSelectionTest::isOpenBlas), "no OpenBLAS is mapped: " + child);
  }

  /** libopenblas*, libjniopenblas* (not the GCC runtime libraries in the bundle's directory). */
  private static boolean isOpenBlas(String file) {
    return Path.of(file).getFileName().toString().contains("openblas");
  }

  private static List<String> mapped(Map<String, String> child) {
    return Arrays.asList(child.getOrDefault("mapped", "").split(":"));
  }

  /** Runs {@link BlasProbe} in a child JVM with the test class path; returns its key=value lines. */
  private static Map<String, String> probe(List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules=jdk.incubator.vector"));
    cmd.addAll(jvmOptions);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), BlasProbe.class.getName()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LD_LIBRARY_PATH", system.toString());
    pb.environment().remove("OPENBLAS_NUM_THREADS");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the probe finished");
    assertEquals(0, p.exitValue(), out);
    Map<String, String> lines = new HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0 && !line.startsWith("WARNING")) {
        lines.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    assertTrue(lines.containsKey("implementation") && lines.containsKey("mapped"), out);
    return lines;
  }
}
