package org.basinbench.spec;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.basinbench.instance.GaussianSensing;
import org.basinbench.instance.MatrixFile;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.PlantedNmf;
import org.basinbench.instance.Problem;
import org.basinbench.instance.RipHalf;
import org.basinbench.instance.RobustSensing;
import org.basinbench.landscape.Certificates;
import org.basinbench.rng.SplitMix64;

/** A concrete problem instance of one grid point (all parameters fixed). */
public sealed interface InstanceSpec extends Serializable
    permits InstanceSpec.Counterexample, InstanceSpec.RipHalfSpec, InstanceSpec.PlantedNmfSpec,
        InstanceSpec.GaussianSensingSpec, InstanceSpec.RobustSensingSpec, InstanceSpec.MatrixFileSpec {

  /** The {@code instance.family} tag. */
  String family();

  /**
   * A canonical string of every parameter, exact to the bit, used to derive seeds and cell ids.
   * Never change the format of an existing family: that would change every published seed.
   */
  String canonicalKey();

  /** A short human-readable form, for listings. */
  String describe();

  /** The parameter columns of this instance (names from {@link Columns}), in table order. */
  Map<String, Object> columns();

  /** Whether the problem constrains its variable to the nonnegative orthant. */
  boolean nonnegative();

  /**
   * Builds the problem (a new one with its own scratch: one per thread).
   *
   * @param rng the generator of this draw of a random instance (see {@link #draws()});
   *     deterministic families ignore it
   */
  Problem problem(SplitMix64 rng);

  /**
   * How many independent instances a random family draws per grid point: trial t uses draw
   * {@code t mod draws}. 1 for deterministic families.
   */
  default int draws() {
    return 1;
  }

  /** Whether the loss is smooth (gradient solvers apply); the l1 loss of robust sensing is not. */
  default boolean smooth() {
    return true;
  }

  /**
   * Whether the variable has two factor blocks {@code [L; R]} (the asymmetric and NMF
   * problems), which {@code pgd} can update alternately.
   */
  default boolean factored() {
    return false;
  }

  /** Whether the family catalogues a spurious point (the target of init "near" "spurious"). */
  default boolean hasSpuriousPoint() {
    return false;
  }

  /**
   * Floating-point operations of one loss-and-gradient evaluation, to leading order: the work
   * estimate that {@code basinbench validate} prints (NaN when unknown).
   */
  default double flopsPerIteration() {
    return Double.NaN;
  }

  /**
   * Whether the family knows its truth (false for real data): without it there is no relative
   * error, no start near the truth, no segment toward it, and outcomes follow the best-known
   * rule (see {@code Outcome.bestKnown}).
   */
  default boolean hasTruth() {
    return true;
  }

  /** What is known of the instance's RIP constant, and how the certificates measure it. */
  Certificates.Delta ripDelta();

  /**
   * Zhang (2025), the nonnegative counterexample of Theorem 2: the symmetric problem (4)
   * {@code min 1/2 ||A(U U^T - Q1 Q1^T)||^2, U >= 0}, or the asymmetric problem (5)
   * {@code min 1/2 ||A(L R^T - Q1 Q1^T)||^2 + lambda/2 ||L^T L - R^T R||^2, L, R >= 0}; with
   * operator "identity" the delta = 0 control of Proposition 1.
   *
   * @param variant "symmetric" or "asymmetric"
   * @param operator "theorem2" or "identity"
   * @param n matrix order
   * @param rStar true rank
   * @param r search rank
   * @param alpha Theorem 2's alpha (NaN for the identity)
   * @param epsilon Theorem 2's epsilon (NaN for the identity)
   * @param lambda balancing weight (NaN for the symmetric variant)
   */
  record Counterexample(String variant, String operator, int n, int rStar, int r, double alpha, double epsilon,
      double lambda) implements InstanceSpec {
    public static final String FAMILY = "nonneg-counterexample";
    public static final String SYMMETRIC = "symmetric";
    public static final String ASYMMETRIC = "asymmetric";

    @Override
    public boolean factored() {
      return ASYMMETRIC.equals(variant);
    }

    /** Forming U U^T (or L R^T) and the gradient's product with U: about 4 n^2 r. */
    @Override
    public double flopsPerIteration() {
      return 4.0 * n * n * r;
    }
    public static final String THEOREM2 = "theorem2";
    public static final String IDENTITY = "identity";

    @Override
    public String family() {
      return FAMILY;
    }

    boolean identity() {
      return IDENTITY.equals(operator);
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(delta(), false, 0, r + rStar);
    }

    @Override
    public boolean hasSpuriousPoint() {
      return !identity();
    }

    /** delta = alpha^2 sqrt(r/rStar + 2 eps^2 r) for Theorem 2; 0 for the identity. */
    public double delta() {
      return identity() ? 0.0 : NonnegCounterexample.delta(rStar, r, alpha, epsilon);
    }

    @Override
    public boolean nonnegative() {
      return true;
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      boolean symmetric = SYMMETRIC.equals(variant);
      if (identity()) {
        return NonnegCounterexample.identityControl(n, rStar, r, symmetric ? Double.NaN : lambda);
      }
      NonnegCounterexample c = new NonnegCounterexample(n, rStar, r, alpha, epsilon);
      return symmetric ? c.symmetricProblem() : c.asymmetricProblem(lambda);
    }

    @Override
    public String describe() {
      StringBuilder b = new StringBuilder();
      b.append(FAMILY).append('/').append(variant).append(" n=").append(n).append(" rStar=").append(rStar)
          .append(" r=").append(r);
      if (identity()) {
        b.append(" operator=identity");
      } else {
        b.append(" alpha=").append(alpha).append(" epsilon=").append(epsilon);
      }
      if (!Double.isNaN(lambda)) {
        b.append(" lambda=").append(lambda);
      }
      return b.append(String.format(Locale.ROOT, " (delta=%.4g)", delta())).toString();
    }

    @Override
    public String canonicalKey() {
      // The symmetric Theorem 2 key is the one published first; other variants extend it.
      String key = FAMILY + ";variant=" + variant + ";n=" + n + ";rStar=" + rStar + ";r=" + r;
      if (identity()) {
        return key + ";operator=identity" + (Double.isNaN(lambda) ? "" : ";lambda=" + Canonical.bits(lambda));
      }
      key += ";alpha=" + Canonical.bits(alpha) + ";epsilon=" + Canonical.bits(epsilon);
      return Double.isNaN(lambda) ? key : key + ";lambda=" + Canonical.bits(lambda);
    }

    @Override
    public Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.FAMILY, FAMILY);
      m.put(Columns.VARIANT, variant);
      m.put(Columns.OPERATOR, operator);
      m.put(Columns.N, n);
      m.put(Columns.R_STAR, rStar);
      m.put(Columns.R, r);
      m.put(Columns.ALPHA, identity() ? null : alpha);
      m.put(Columns.EPSILON, identity() ? null : epsilon);
      m.put(Columns.LAMBDA, Double.isNaN(lambda) ? null : lambda);
      m.put(Columns.DELTA, delta());
      return m;
    }
  }

  /**
   * The NeurIPS 2018 rank-1 instance ({@link RipHalf}): unconstrained, n = 2, delta = 1/2
   * after scaling, with the degenerate critical point x_bad = (0, 1/sqrt 2).
   */
  record RipHalfSpec() implements InstanceSpec {
    /** Three measurements of a 2 x 2 matrix: a few dozen operations. */
    @Override
    public double flopsPerIteration() {
      return 40;
    }

    @Override
    public String family() {
      return RipHalf.FAMILY;
    }

    @Override
    public String canonicalKey() {
      return RipHalf.FAMILY;
    }

    @Override
    public String describe() {
      return RipHalf.FAMILY + " n=2 r=1 (delta=0.5 after scaling)";
    }

    @Override
    public boolean nonnegative() {
      return false;
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return RipHalf.problem();
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(RipHalf.DELTA, true, 0, 2);
    }

    @Override
    public boolean hasSpuriousPoint() {
      return true;
    }

    @Override
    public Map<String, Object> columns() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.FAMILY, RipHalf.FAMILY);
      m.put(Columns.VARIANT, "symmetric");
      m.put(Columns.OPERATOR, "rip-half");
      m.put(Columns.N, RipHalf.N);
      m.put(Columns.R_STAR, 1);
      m.put(Columns.R, 1);
      m.put(Columns.DELTA, RipHalf.DELTA);
      return m;
    }
  }

  /**
   * Planted NMF (star-convexity paper, Assumption 1), drawn afresh for each of {@code draws}
   * instances ({@link PlantedNmf}).
   */
  record PlantedNmfSpec(PlantedNmf params, int draws) implements InstanceSpec {
    /** The model L R^T and the two gradient products: 6 n m r. */
    @Override
    public double flopsPerIteration() {
      return 6.0 * params.n() * params.m() * params.r();
    }

    @Override
    public boolean factored() {
      return true;
    }

    @Override
    public String family() {
      return PlantedNmf.FAMILY;
    }

    @Override
    public String canonicalKey() {
      PlantedNmf p = params;
      return PlantedNmf.FAMILY + ";n=" + p.n() + ";m=" + p.m() + ";rStar=" + p.rStar() + ";r=" + p.r()
          + ";distribution=" + p.distribution() + ";scale=" + Canonical.bits(p.scale()) + ";p=" + Canonical.bits(p.p())
          + ";noise=" + Canonical.bits(p.noise()) + ";draws=" + draws;
    }

    @Override
    public String describe() {
      PlantedNmf p = params;
      return String.format(Locale.ROOT, "%s n=%d m=%d rStar=%d r=%d %s(%s) p=%s noise=%s draws=%d", PlantedNmf.FAMILY,
          p.n(), p.m(), p.rStar(), p.r(), p.distribution(), p.scale(), p.p(), p.noise(), draws);
    }

    @Override
    public Map<String, Object> columns() {
      PlantedNmf p = params;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.FAMILY, PlantedNmf.FAMILY);
      m.put(Columns.N, p.n());
      m.put(Columns.M, p.m());
      m.put(Columns.R_STAR, p.rStar());
      m.put(Columns.R, p.r());
      m.put(Columns.DISTRIBUTION, p.distribution());
      m.put(Columns.FACTOR_SCALE, p.scale());
      m.put(Columns.P_OBSERVED, p.p());
      m.put(Columns.NOISE, p.noise());
      m.put(Columns.DRAWS, draws);
      return m;
    }

    @Override
    public boolean nonnegative() {
      return true;
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return params.draw(rng);
    }

    @Override
    public int draws() {
      return draws;
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, 0, 0);
    }
  }

  /** Gaussian sensing with a nonnegative truth ({@link GaussianSensing}), {@code draws} instances. */
  record GaussianSensingSpec(GaussianSensing params, int draws) implements InstanceSpec {
    /** Applying the dense m x n^2 operator and its adjoint: 4 m n^2, plus 4 n^2 r for U U^T and the product. */
    @Override
    public double flopsPerIteration() {
      return 4.0 * params.m() * params.n() * params.n() + 4.0 * params.n() * params.n() * params.r();
    }

    @Override
    public String family() {
      return GaussianSensing.FAMILY;
    }

    @Override
    public String canonicalKey() {
      GaussianSensing g = params;
      return GaussianSensing.FAMILY + ";n=" + g.n() + ";rStar=" + g.rStar() + ";r=" + g.r() + ";m=" + g.m()
          + ";draws=" + draws;
    }

    @Override
    public String describe() {
      GaussianSensing g = params;
      return String.format(Locale.ROOT, "%s n=%d rStar=%d r=%d m=%d draws=%d", GaussianSensing.FAMILY, g.n(),
          g.rStar(), g.r(), g.m(), draws);
    }

    @Override
    public Map<String, Object> columns() {
      GaussianSensing g = params;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.FAMILY, GaussianSensing.FAMILY);
      m.put(Columns.VARIANT, "symmetric");
      m.put(Columns.N, g.n());
      m.put(Columns.R_STAR, g.rStar());
      m.put(Columns.R, g.r());
      m.put(Columns.M, g.m());
      m.put(Columns.DRAWS, draws);
      return m;
    }

    @Override
    public boolean nonnegative() {
      return true;
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return params.draw(rng);
    }

    @Override
    public int draws() {
      return draws;
    }

    /** The restricted constant over rank r + rStar, estimated by sampling (a lower bound). */
    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, params.r() + params.rStar(), params.r() + params.rStar());
    }
  }

  /** Robust l1 sensing with outliers ({@link RobustSensing}), {@code draws} instances. */
  record RobustSensingSpec(RobustSensing params, int draws) implements InstanceSpec {
    /** Applying the dense m x n^2 operator and its adjoint: 4 m n^2, plus 4 n^2 r for U U^T and the product. */
    @Override
    public double flopsPerIteration() {
      return 4.0 * params.m() * params.n() * params.n() + 4.0 * params.n() * params.n() * params.r();
    }

    @Override
    public boolean smooth() {
      return false;
    }

    @Override
    public String family() {
      return RobustSensing.FAMILY;
    }

    @Override
    public String canonicalKey() {
      RobustSensing g = params;
      return RobustSensing.FAMILY + ";n=" + g.n() + ";rStar=" + g.rStar() + ";r=" + g.r() + ";m=" + g.m() + ";p="
          + Canonical.bits(g.p()) + ";outlierScale=" + Canonical.bits(g.outlierScale()) + ";draws=" + draws;
    }

    @Override
    public String describe() {
      RobustSensing g = params;
      return String.format(Locale.ROOT, "%s n=%d rStar=%d r=%d m=%d p=%s outlierScale=%s draws=%d",
          RobustSensing.FAMILY, g.n(), g.rStar(), g.r(), g.m(), g.p(), g.outlierScale(), draws);
    }

    @Override
    public Map<String, Object> columns() {
      RobustSensing g = params;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.FAMILY, RobustSensing.FAMILY);
      m.put(Columns.VARIANT, "symmetric");
      m.put(Columns.N, g.n());
      m.put(Columns.R_STAR, g.rStar());
      m.put(Columns.R, g.r());
      m.put(Columns.M, g.m());
      m.put(Columns.P_OUTLIER, g.p());
      m.put(Columns.OUTLIER_SCALE, g.outlierScale());
      m.put(Columns.DRAWS, draws);
      return m;
    }

    @Override
    public boolean nonnegative() {
      return true;
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return params.draw(rng);
    }

    @Override
    public int draws() {
      return draws;
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, params.r() + params.rStar(), params.r() + params.rStar());
    }
  }

  /**
   * NMF of a real data matrix read from a file ({@link MatrixFile}): read once by the driver
   * when the spec is parsed, carried with the instance to the executors. No truth.
   *
   * @param path the file as the spec gives it (relative paths resolve against the spec's
   *     directory); for provenance only: the cells and seeds follow the matrix's content
   * @param format the format it was read as ("csv", "csv.gz", "image")
   * @param dropLastColumn whether the last CSV column was dropped
   * @param downsample the image block-average factor (1 for CSV)
   * @param params the matrix and the search rank
   */
  record MatrixFileSpec(String path, String format, boolean dropLastColumn, int downsample, MatrixFile params)
      implements InstanceSpec {
    @Override
    public String family() {
      return MatrixFile.FAMILY;
    }

    /**
     * The family, the shape, the rank and the SHA-256 of the matrix read: a changed file
     * changes the cells and seeds, a moved or renamed one does not.
     */
    @Override
    public String canonicalKey() {
      MatrixFile p = params;
      return MatrixFile.FAMILY + ";n=" + p.n() + ";m=" + p.m() + ";r=" + p.r() + ";sha256=" + p.data().sha256();
    }

    @Override
    public String describe() {
      MatrixFile p = params;
      return String.format(Locale.ROOT, "%s %s (%s%s%s) n=%d m=%d r=%d sha256=%s", MatrixFile.FAMILY, path, format,
          dropLastColumn ? ", last column dropped" : "", downsample > 1 ? ", downsampled " + downsample + "x" : "",
          p.n(), p.m(), p.r(), p.data().sha256().substring(0, 12));
    }

    @Override
    public Map<String, Object> columns() {
      MatrixFile p = params;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(Columns.FAMILY, MatrixFile.FAMILY);
      m.put(Columns.N, p.n());
      m.put(Columns.R, p.r());
      m.put(Columns.M, p.m());
      m.put(Columns.DATA_PATH, path);
      m.put(Columns.DATA_SHA256, p.data().sha256());
      return m;
    }

    @Override
    public boolean nonnegative() {
      return true;
    }

    @Override
    public boolean factored() {
      return true;
    }

    @Override
    public boolean hasTruth() {
      return false;
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      return params.problem();
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(Double.NaN, false, 0, 0);
    }
  }
}
