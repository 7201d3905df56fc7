package org.basinbench.linalg;

/**
 * Whether the SIMD kernels may be used: they are written with the Vector API
 * ({@code jdk.incubator.vector}), which a JDK 17 JVM resolves only when started with
 * {@code --add-modules jdk.incubator.vector} (as {@code conf/jvm.args} does, at the price of one
 * "Using incubator modules" warning at start-up). Without the module, or with the system
 * property {@code basinbench.simd=scalar}, every kernel runs its scalar loop, which gives the
 * same bits, only more slowly.
 */
public final class Simd {
  private static final boolean AVAILABLE = !"scalar".equals(System.getProperty("basinbench.simd"))
      && ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private Simd() {}

  /** @return whether the Vector API module is present and not switched off */
  public static boolean available() {
    return AVAILABLE;
  }

  /** @return "vector" or "scalar", for the run manifest and the benchmark output */
  public static String implementation() {
    return AVAILABLE ? "vector" : "scalar";
  }
}
