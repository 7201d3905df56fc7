package org.basinbench.linalg;

/**
 * The BLAS behind {@link MatOps}' large products: {@code dev.ludovic.netlib}'s choice, the
 * library Spark MLlib uses. It calls the system's BLAS through JNI when one is installed
 * ({@code libblas.so.3}, e.g. OpenBLAS), else a pure-Java implementation (vectorized with the
 * Vector API when {@code jdk.incubator.vector} is enabled). Products below
 * {@link #MIN_MULTIPLY_ADDS} stay in plain Java loops, where call overhead would dominate.
 *
 * <p>Reproducibility: a BLAS sums in its own blocked order, so the last bits of large products
 * (and so of the trials of large instances) depend on the BLAS and the CPU kernel it picks.
 * Rows are identical across partitionings and masters on one machine, and across machines with
 * the same BLAS; the manifest records which one ran the driver ({@link #implementation()}).
 * Setting the system property {@code basinbench.blas=java} forces the plain loops everywhere.
 */
public final class Blas {
  /** Products with fewer multiply-adds (n m k) run in plain Java. */
  public static final long MIN_MULTIPLY_ADDS = 1L << 12;

  private static final dev.ludovic.netlib.blas.BLAS BLAS =
      "java".equals(System.getProperty("basinbench.blas")) ? null : load();

  private Blas() {}

  private static dev.ludovic.netlib.blas.BLAS load() {
    // netlib reports each implementation it fails to load through java.util.logging at WARNING;
    // falling back is the normal case without a system BLAS, so keep it quiet.
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

  /** The implementation large products use, e.g. {@code JNIBLAS} or {@code VectorBLAS}; "java loops" when none. */
  public static String implementation() {
    return BLAS == null ? "java loops" : BLAS.getClass().getSimpleName();
  }
}
