package org.basinbench.objective;

import org.basinbench.linalg.Blas;
import org.basinbench.linalg.LaneOps;

/**
 * The sensing losses of {@link SymmetricSensingLoss} and {@link AsymmetricSensingLoss} over lanes
 * ({@link LaneObjective}), for small instances whose operator has a lane form
 * ({@link LinearOperator#hasLanes()}). Each kernel is the one-point code transcribed pass for
 * pass: the same products in the same order (the matrix products of {@code MatOps}' plain loops,
 * the operator's {@code apply} and {@code adjoint}), so every lane gets the one-point bits. The
 * lanes go through in chunks of {@link #CHUNK}, which keeps a chunk's temporaries in the L1
 * cache.
 */
public final class SensingLanes {
  /** Lanes evaluated together: about 40 arrays of this many doubles stay in a 32 KiB L1 cache. */
  static final int CHUNK = 64;
  /** Largest n with a lane form: products stay in plain loops (below {@link Blas#MIN_MULTIPLY_ADDS}), scratch small. */
  public static final int MAX_N = 8;

  private SensingLanes() {}

  /** Whether a loss over this operator and rank has lanes: a lane form, n at most {@link #MAX_N}. */
  public static boolean applies(LinearOperator a, int r) {
    return a.hasLanes() && a.n() <= MAX_N && (long) a.n() * a.n() * r < Blas.MIN_MULTIPLY_ADDS
        && a.measurements() <= 4 * MAX_N * MAX_N;
  }

  /** The lanes of a symmetric loss, or null when {@link #applies} does not hold. */
  public static StochasticLanes of(SymmetricSensingLoss f, int capacity) {
    return applies(f.operator(), f.rank()) ? new Symmetric(f, capacity) : null;
  }

  /** The lanes of an asymmetric loss, or null when {@link #applies} does not hold. */
  public static StochasticLanes of(AsymmetricSensingLoss f, int capacity) {
    return applies(f.operator(), f.rank()) ? new Asymmetric(f, capacity) : null;
  }

  private static double[][] lanes(int count, int capacity) {
    return new double[count][capacity];
  }

  /** What both kernels share: the operator, the target, the residual's scratch. */
  private abstract static class Base implements StochasticLanes {
    final LaneOps ops = LaneOps.get();
    final LinearOperator a;
    final double[] mStar;
    final int n;
    final int r;
    final int m;
    final int capacity;
    /** U U^T - M* (or L R^T - M*). */
    final double[][] e;
    /** The residual A(e) and S = A^T(residual): the operator may point entries at its input's arrays. */
    final double[][] residual;
    final double[][] s;
    private final double[][] ownResidual;
    private final double[][] ownS;
    /** The masked, rescaled residual of a minibatch (allocated on first use). */
    double[][] masked;
    final double[] scratch;
    final double[] sum;

    Base(LinearOperator a, double[] mStar, int r, int capacity) {
      this.a = a;
      this.mStar = mStar;
      this.n = a.n();
      this.r = r;
      this.m = a.measurements();
      this.capacity = capacity;
      e = lanes(n * n, capacity);
      ownResidual = lanes(m, capacity);
      ownS = lanes(n * n, capacity);
      residual = ownResidual.clone();
      s = ownS.clone();
      scratch = new double[capacity];
      sum = new double[capacity];
    }

    @Override
    public int capacity() {
      return capacity;
    }

    @Override
    public void valueAndGradient(double[][] x, int from, int to, double[] loss, double[][] g) {
      if (to > capacity || from < 0) {
        throw new IllegalArgumentException("lanes [" + from + ", " + to + ") outside the capacity " + capacity);
      }
      for (int lo = from; lo < to; lo += CHUNK) {
        chunk(x, lo, Math.min(to, lo + CHUNK), loss, g);
      }
    }

    abstract void chunk(double[][] x, int from, int to, double[] loss, double[][] g);

    /** {@link #chunk}'s gradient with the residual of each lane's minibatch ({@link #mask}). */
    abstract void batchChunk(double[][] x, int from, int to, int[][] batch, int count, double[][] g);

    @Override
    public int terms() {
      return m;
    }

    @Override
    public void batchGradient(double[][] x, int from, int to, int[][] batch, int count, double[][] g) {
      if (to > capacity || from < 0) {
        throw new IllegalArgumentException("lanes [" + from + ", " + to + ") outside the capacity " + capacity);
      }
      if (count < 1 || count > m) {
        throw new IllegalArgumentException("batch size must be in [1, " + m + "], got " + count);
      }
      if (masked == null) {
        masked = lanes(m, capacity);
      }
      for (int lo = from; lo < to; lo += CHUNK) {
        batchChunk(x, lo, Math.min(to, lo + CHUNK), batch, count, g);
      }
    }

    /**
     * {@code masked[j][i] = 0.0 + (m / count) residual[j][i]} for j in lane i's batch, exactly 0.0
     * elsewhere: the one-point code's fill and {@code +=}, entry for entry. The batch entries are
     * written, not multiplied by a 0/1 mask, so that an infinite residual off the batch leaves 0.0
     * (as it does one point at a time) and not NaN.
     */
    void mask(int[][] batch, int count, int from, int to) {
      for (int j = 0; j < m; j++) {
        ops.fill(masked[j], 0.0, from, to);
      }
      double scale = (double) m / count;
      for (int i = from; i < to; i++) {
        int[] b = batch[i];
        for (int k = 0; k < count; k++) {
          int j = b[k];
          masked[j][i] += scale * residual[j][i];
        }
      }
    }

    /**
     * {@code e = A B^T - M*} (A: n x r at {@code a0} of x, B: n x r at {@code b0}), as
     * {@code MatOps.multABt} then {@code MatOps.subtract}; then {@code residual = A(e)} and
     * {@code out = 1/2 <residual, residual>}.
     */
    void fit(double[][] x, int a0, int b0, double[] out, int from, int to) {
      residual(x, a0, b0, from, to);
      ops.sumProducts(sum, residual, 0, 1, residual, 0, 1, m, from, to);
      ops.mulScalar(out, sum, 0.5, from, to);
    }

    /** {@link #fit} without the loss: {@code e = A B^T - M*}, {@code residual = A(e)}. */
    void residual(double[][] x, int a0, int b0, int from, int to) {
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          ops.sumProductsMinus(e[i * n + j], x, a0 + i * r, 1, x, b0 + j * r, 1, r, mStar[i * n + j], from, to);
        }
      }
      System.arraycopy(ownResidual, 0, residual, 0, m);
      a.applyLanes(ops, e, residual, scratch, from, to);
    }

    /** {@code s = A^T(y)} (y: the residual, or the masked residual). */
    void adjoint(double[][] y, int from, int to) {
      System.arraycopy(ownS, 0, s, 0, n * n);
      a.adjointLanes(ops, y, s, scratch, from, to);
    }
  }

  /** {@link SymmetricSensingLoss#valueAndGradient}, pass for pass. */
  static final class Symmetric extends Base {
    private final SymmetricSensingLoss f;
    /** S + S^T: entry (j, i) is entry (i, j)'s array (IEEE addition commutes). */
    private final double[][] sym;

    Symmetric(SymmetricSensingLoss f, int capacity) {
      super(f.operator(), f.copyTarget(), f.rank(), capacity);
      this.f = f;
      sym = new double[n * n][];
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          sym[i * n + j] = new double[capacity];
          sym[j * n + i] = sym[i * n + j];
        }
      }
    }

    @Override
    public int dim() {
      return n * r;
    }

    @Override
    public Objective pointwise() {
      return f;
    }

    @Override
    void chunk(double[][] u, int from, int to, double[] loss, double[][] g) {
      fit(u, 0, 0, loss, from, to);
      adjoint(residual, from, to);
      gradient(u, g, from, to);
    }

    /** {@link SymmetricSensingLoss#batchGradient}, pass for pass. */
    @Override
    void batchChunk(double[][] u, int from, int to, int[][] batch, int count, double[][] g) {
      residual(u, 0, 0, from, to);
      mask(batch, count, from, to);
      adjoint(masked, from, to);
      gradient(u, g, from, to);
    }

    /** {@code g = (S + S^T) U} from {@code s}. */
    private void gradient(double[][] u, double[][] g, int from, int to) {
      for (int i = 0; i < n; i++) {
        for (int j = i; j < n; j++) {
          ops.add(sym[i * n + j], s[i * n + j], s[j * n + i], from, to);
        }
      }
      // grad = (S + S^T) U, as MatOps.multAB.
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < r; j++) {
          ops.sumProducts(g[i * r + j], sym, i * n, 1, u, j, r, n, from, to);
        }
      }
    }
  }

  /** {@link AsymmetricSensingLoss#valueAndGradient}, pass for pass. */
  static final class Asymmetric extends Base {
    private final AsymmetricSensingLoss f;
    private final double lambda;
    private final double[][] d;
    private final double[][] rtr;
    private final double[] tmp;
    private final double[] fit;

    Asymmetric(AsymmetricSensingLoss f, int capacity) {
      super(f.operator(), f.copyTarget(), f.rank(), capacity);
      this.f = f;
      this.lambda = f.lambda();
      d = lanes(r * r, capacity);
      rtr = lanes(r * r, capacity);
      tmp = new double[capacity];
      fit = new double[capacity];
    }

    @Override
    public int dim() {
      return 2 * n * r;
    }

    @Override
    public Objective pointwise() {
      return f;
    }

    @Override
    void chunk(double[][] x, int from, int to, double[] loss, double[][] g) {
      int nr = n * r;
      fit(x, 0, nr, fit, from, to);
      balance(x, from, to);
      ops.sumProducts(sum, d, 0, 1, d, 0, 1, r * r, from, to);
      ops.addMulScalar(loss, fit, sum, 0.5 * lambda, from, to);
      adjoint(residual, from, to);
      gradient(x, g, from, to);
    }

    /** {@link AsymmetricSensingLoss#batchGradient}, pass for pass (the loss itself is not needed). */
    @Override
    void batchChunk(double[][] x, int from, int to, int[][] batch, int count, double[][] g) {
      residual(x, 0, n * r, from, to);
      balance(x, from, to);
      mask(batch, count, from, to);
      adjoint(masked, from, to);
      gradient(x, g, from, to);
    }

    /** {@code d = L^T L - R^T R}. */
    private void balance(double[][] x, int from, int to) {
      int nr = n * r;
      // D = L^T L - R^T R (as MatOps.multAtB, then subtract); loss = fit + 1/2 lambda <D, D>.
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          ops.sumProducts(d[i * r + j], x, i, r, x, j, r, n, from, to);
          ops.sumProducts(rtr[i * r + j], x, nr + i, r, x, nr + j, r, n, from, to);
        }
      }
      for (int i = 0; i < r * r; i++) {
        ops.sub(d[i], d[i], rtr[i], from, to);
      }
    }

    /** grad_L = S R + 2 lambda L D, grad_R = S^T L - 2 lambda R D, from {@code s} and {@code d}. */
    private void gradient(double[][] x, double[][] g, int from, int to) {
      int nr = n * r;
      double c = 2 * lambda;
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < r; j++) {
          ops.sumProducts(g[i * r + j], s, i * n, 1, x, nr + j, r, n, from, to);
          ops.sumProducts(g[nr + i * r + j], s, i, n, x, j, r, n, from, to);
        }
      }
      if (lambda != 0) {
        for (int i = 0; i < n; i++) {
          for (int j = 0; j < r; j++) {
            ops.sumProducts(tmp, x, i * r, 1, d, j, r, r, from, to);
            ops.addMulScalar(g[i * r + j], g[i * r + j], tmp, c, from, to);
            ops.sumProducts(tmp, x, nr + i * r, 1, d, j, r, r, from, to);
            ops.subMulScalar(g[nr + i * r + j], g[nr + i * r + j], tmp, c, from, to);
          }
        }
      }
    }
  }
}
