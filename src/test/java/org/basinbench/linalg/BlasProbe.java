package org.basinbench.linalg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.basinbench.rng.SplitMix64;

/**
 * The child JVM of {@link BlasSelectionTest}: selects a BLAS as a run would (or, with argument
 * {@code netlib}, takes netlib's own default choice, bypassing {@link Blas}), multiplies, and
 * prints one {@code key=value} line each: the implementation, whether it is netlib's Java BLAS,
 * OpenBLAS's thread count, the largest error of the three products against their defining
 * sums (relative to the sum of |terms|), and the shared libraries mapped into this process.
 */
public final class BlasProbe {
  private BlasProbe() {}

  public static void main(String[] args) throws IOException {
    if (args.length > 0 && args[0].equals("netlib")) {
      dev.ludovic.netlib.blas.BLAS netlib = dev.ludovic.netlib.blas.BLAS.getInstance();
      System.out.println("implementation=" + netlib.getClass().getSimpleName());
    } else {
      System.out.println("implementation=" + Blas.implementation());
      System.out.println("javaBlas=" + (Blas.get() instanceof dev.ludovic.netlib.blas.JavaBLAS));
      System.out.println("netlibPath=" + System.getProperty(Blas.NETLIB_PATH));
      if (Blas.implementation().startsWith("OpenBLAS")) {
        System.out.println("threads=" + org.bytedeco.openblas.presets.openblas_nolapack.blas_get_num_threads());
      }
      System.out.println("maxError=" + maxError());
    }
    // The last field of a line of /proc/self/maps is the mapped file, when there is one.
    System.out.println("mapped=" + Files.readAllLines(Path.of("/proc/self/maps")).stream()
        .map(l -> l.split("\\s+", 6)).filter(f -> f.length == 6 && f[5].startsWith("/") && f[5].contains(".so"))
        .map(f -> f[5]).distinct().collect(Collectors.joining(":")));
  }

  /** The three products at a size above the BLAS threshold, against the plain triple loop. */
  private static double maxError() {
    int n = 70;
    int m = 50;
    int k = 60;
    SplitMix64 rng = new SplitMix64(5);
    double[] a = new double[n * k];
    double[] bt = new double[m * k];
    double[] b = new double[k * m];
    double[] at = new double[k * n];
    for (double[] x : new double[][] {a, bt, b, at}) {
      for (int i = 0; i < x.length; i++) {
        x[i] = rng.nextGaussian();
      }
    }
    double[] out = new double[n * m];
    MatOps.multABt(a, bt, n, m, k, out);
    double err = error(out, n, m, k, (i, j, l) -> a[i * k + l] * bt[j * k + l]);
    MatOps.multAB(a, b, n, k, m, out);
    err = Math.max(err, error(out, n, m, k, (i, j, l) -> a[i * k + l] * b[l * m + j]));
    MatOps.multAtB(at, b, k, n, m, out);
    return Math.max(err, error(out, n, m, k, (i, j, l) -> at[l * n + i] * b[l * m + j]));
  }

  private interface Term {
    double at(int i, int j, int l);
  }

  private static double error(double[] out, int n, int m, int k, Term term) {
    double worst = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double sum = 0;
        double abs = 0;
        for (int l = 0; l < k; l++) {
          sum += term.at(i, j, l);
          abs += Math.abs(term.at(i, j, l));
        }
        worst = Math.max(worst, Math.abs(out[i * m + j] - sum) / abs);
      }
    }
    return worst;
  }
}
