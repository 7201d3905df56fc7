package org.basinbench.linalg;

/**
 * The BLAS behind {@link MatOps}' large products, through {@code dev.ludovic.netlib} (the
 * library Spark MLlib uses). In order:
 * <ol>
 *   <li>the OpenBLAS that BasinBench brings ({@link BundledOpenBlas}), called through netlib's
 *       JNI ({@code JNIBLAS});
 *   <li>when that cannot load, netlib's pure-Java BLAS ({@code VectorBLAS} when
 *       {@code jdk.incubator.vector} is enabled, else {@code Java11BLAS}).
 * </ol>
 * Never the system's {@code libblas.so.3}, netlib's own default: that may be the reference BLAS
 * (15 times slower than OpenBLAS on NMF products) or an OpenBLAS too old to recognise the CPU.
 * When the bundled library did not load, netlib is given a path that cannot load instead, so
 * that it goes straight to Java. Products below {@link #MIN_MULTIPLY_ADDS} stay in plain Java
 * loops, where call overhead would dominate.
 *
 * <p>netlib reads its library path ({@code dev.ludovic.netlib.blas.nativeLibPath}) once, when
 * its BLAS class initializes; this class sets it first. A JVM in which something else (Spark
 * MLlib, say) initialized netlib before has netlib's choice, and {@link #implementation()}
 * then says what that is.
 *
 * <p>Reproducibility: a BLAS sums in its own blocked order, so the last bits of large products
 * (and so of the trials of large instances) depend on the BLAS and the CPU kernel it picks.
 * Rows are identical across partitionings and masters on one machine, and across machines with
 * the same BLAS and core; the manifest records which one ran the driver
 * ({@link #implementation()}). Setting the system property {@code basinbench.blas=java} forces
 * the plain loops everywhere.
 */
public final class Blas {
  /** Products with fewer multiply-adds (n m k) run in plain Java. */
  public static final long MIN_MULTIPLY_ADDS = 1L << 12;

  /** netlib's JNI opens the BLAS library at this path (a system property read when it loads). */
  static final String NETLIB_PATH = "dev.ludovic.netlib.blas.nativeLibPath";
  /** A path dlopen refuses: netlib then skips its JNI (and so the system libblas.so.3) for Java. */
  static final String UNLOADABLE = "/dev/null";

  private static final String IMPLEMENTATION;
  private static final dev.ludovic.netlib.blas.BLAS BLAS;

  static {
    if ("java".equals(System.getProperty("basinbench.blas"))) {
      BLAS = null;
      IMPLEMENTATION = "java loops";
    } else {
      String bundled;
      String failure;
      try {
        BundledOpenBlas.Library lib = BundledOpenBlas.load();
        System.setProperty(NETLIB_PATH, lib.path().toString());
        bundled = lib.describe();
        failure = null;
      } catch (BundledOpenBlas.Unavailable e) {
        System.setProperty(NETLIB_PATH, UNLOADABLE);
        bundled = null;
        failure = "bundled OpenBLAS did not load: " + e.getMessage();
      }
      BLAS = netlib();
      if (BLAS == null) {
        IMPLEMENTATION = "java loops (netlib did not load" + (failure == null ? "" : "; " + failure) + ")";
      } else {
        String name = BLAS.getClass().getSimpleName();
        if (BLAS instanceof dev.ludovic.netlib.blas.NativeBLAS) {
          // Native without the bundled library: netlib had initialized before this class.
          IMPLEMENTATION = bundled != null ? bundled + " via " + name
              : name + " (netlib initialized before BasinBench chose its BLAS)";
        } else {
          IMPLEMENTATION = name + " (" + (failure != null ? failure : "netlib's JNI did not load the bundled OpenBLAS") + ")";
        }
      }
    }
  }

  private Blas() {}

  private static dev.ludovic.netlib.blas.BLAS netlib() {
    // netlib reports each implementation it fails to load through java.util.logging at WARNING;
    // falling back is expected where the bundled library cannot load, so keep it quiet.
    java.util.logging.Logger log = java.util.logging.Logger.getLogger("dev.ludovic.netlib.blas");
    java.util.logging.Level before = log.getLevel();
    log.setLevel(java.util.logging.Level.SEVERE);
    try {
      return dev.ludovic.netlib.blas.BLAS.getInstance();
    } catch (RuntimeException | LinkageError e) {
      return null;
    } finally {
      log.setLevel(before);
    }
  }

  /** Whether a product of {@code multiplyAdds} goes to BLAS. */
  static boolean use(long multiplyAdds) {
    return BLAS != null && multiplyAdds >= MIN_MULTIPLY_ADDS;
  }

  static dev.ludovic.netlib.blas.BLAS get() {
    return BLAS;
  }

  /**
   * The implementation large products use and why, e.g. {@code OpenBLAS 0.3.31 (bundled, core
   * SkylakeX) via JNIBLAS}, {@code VectorBLAS (bundled OpenBLAS did not load: ...)} or
   * {@code java loops}.
   */
  public static String implementation() {
    return IMPLEMENTATION;
  }
}
