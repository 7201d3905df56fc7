package org.basinbench.family;

import static org.basinbench.spec.Capability.FACTORED;
import static org.basinbench.spec.Capability.NONNEGATIVE;
import static org.basinbench.spec.Capability.SMOOTH;
import static org.basinbench.spec.Capability.SPURIOUS_POINT;
import static org.basinbench.spec.Capability.STOCHASTIC;
import static org.basinbench.spec.Capability.SYMMETRIC_SENSING;
import static org.basinbench.spec.Capability.TRUTH;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.basinbench.instance.NonnegCounterexample;
import org.basinbench.instance.Problem;
import org.basinbench.landscape.Certificates;
import org.basinbench.rng.SplitMix64;
import org.basinbench.spec.BindContext;
import org.basinbench.spec.Bound;
import org.basinbench.spec.Canonical;
import org.basinbench.spec.Capability;
import org.basinbench.spec.Column;
import org.basinbench.spec.ColumnValues;
import org.basinbench.spec.Columns;
import org.basinbench.spec.AbstractFamilyUnit;
import org.basinbench.spec.Field;
import org.basinbench.spec.InstanceSpec;
import org.basinbench.spec.Issues;
import org.basinbench.spec.Values;

/**
 * {@code nonneg-counterexample}: Zhang (2025), the nonnegative counterexample of Theorem 2, the
 * symmetric problem (4) {@code min 1/2 ||A(U U^T - Q1 Q1^T)||^2, U >= 0} or the asymmetric
 * problem (5) {@code min 1/2 ||A(L R^T - Q1 Q1^T)||^2 + lambda/2 ||L^T L - R^T R||^2, L, R >= 0};
 * with operator "identity", the delta = 0 control of Proposition 1.
 */
public final class Counterexample extends AbstractFamilyUnit {
  public static final String FAMILY = "nonneg-counterexample";
  public static final String SYMMETRIC = "symmetric";
  public static final String ASYMMETRIC = "asymmetric";
  public static final String THEOREM2 = "theorem2";
  public static final String IDENTITY = "identity";

  /** Smallest alpha whose fourth power (the size of the spurious loss terms) is a normal double. */
  static final double MIN_ALPHA = 1e-75;

  private static final List<Field> FIELDS = List.of(
      Field.string("variant", false, SYMMETRIC, List.of(SYMMETRIC, ASYMMETRIC)),
      Field.string("operator", false, THEOREM2, List.of(THEOREM2, IDENTITY)),
      Field.integer("n", true, null, 2, Limits.MAX_N, true),
      Field.integer("rStar", true, null, 1, Limits.MAX_N, true),
      Field.integer("r", true, null, 1, Limits.MAX_N, true),
      Field.number("alpha", false, null, 0, true, Double.NaN, true),
      Field.number("epsilon", false, null, 0, true, Double.NaN, true),
      Field.number("lambda", false, null, 0, false, Double.NaN, true));

  private static final List<Column> COLUMNS = List.of(Columns.FAMILY, Columns.VARIANT, Columns.OPERATOR, Columns.N,
      Columns.R_STAR, Columns.R, Columns.ALPHA, Columns.EPSILON, Columns.LAMBDA, Columns.DELTA);

  public Counterexample() {
    super(FAMILY, "Zhang (2025), Theorem 2: an operator with RIP constant delta and a spurious strict local minimum"
        + " U0 = alpha Q2 under U >= 0 (symmetric or asymmetric; operator identity: the delta = 0 control)",
        FIELDS, COLUMNS);
  }

  /**
   * Theorem 2 needs alpha and epsilon, the identity takes neither; the asymmetric variant needs
   * lambda, the symmetric one takes none.
   */
  @Override
  public void checkPresence(Values c, Issues issues) {
    boolean identity = IDENTITY.equals(c.text("operator"));
    for (String f : List.of("alpha", "epsilon")) {
      if (identity && c.has(f)) {
        issues.add(f, "applies to operator \"theorem2\" only (the identity operator has no " + f + ")");
      } else if (!identity && !c.has(f)) {
        issues.add(f, "missing required field (a number > 0; operator \"theorem2\" needs alpha and epsilon)");
      }
    }
    boolean asymmetric = ASYMMETRIC.equals(c.text("variant"));
    if (asymmetric && !c.has("lambda")) {
      issues.add("lambda", "missing required field (a number >= 0): the asymmetric variant needs the weight of"
          + " the balancing regularizer (Lemma 9: lambda > 0 makes U0 a strict local minimum)");
    } else if (!asymmetric && c.has("lambda")) {
      issues.add("lambda", "applies to the asymmetric variant only");
    }
  }

  @Override
  public Bound bind(Values c, BindContext context) {
    int n = c.integer("n");
    int rStar = c.integer("rStar");
    int r = c.integer("r");
    if (r < rStar) {
      return Bound.invalid("r must be >= rStar (Theorem 2 takes a search rank r >= the true rank rStar); got rStar="
          + rStar + ", r=" + r);
    }
    if (r + rStar > n) {
      return Bound.invalid("r + rStar must be <= n (Theorem 2 places Q1 and Q2 in r + rStar distinct columns of"
          + " I_n); got n=" + n + ", rStar=" + rStar + ", r=" + r);
    }
    double alpha = c.number("alpha");
    double eps = c.number("epsilon");
    if (c.has("alpha")) {
      if (alpha < MIN_ALPHA) {
        return Bound.invalid("alpha must be >= " + MIN_ALPHA + " (alpha^4 enters the loss at U0 = alpha Q2 and"
            + " underflows below that); got alpha=" + Field.fmt(alpha));
      }
      double delta = NonnegCounterexample.delta(rStar, r, alpha, eps);
      if (!(delta < 1)) {
        return Bound.invalid(String.format("delta = alpha^2 sqrt(r/rStar + 2 epsilon^2 r) must be < 1 (the"
            + " operator needs sqrt(1 - delta^2)); got delta=%.6g at alpha=%s, epsilon=%s, rStar=%d, r=%d", delta,
            Field.fmt(alpha), Field.fmt(eps), rStar, r));
      }
    }
    return Bound.of(new Spec(c.text("variant"), c.text("operator"), n, rStar, r, alpha, eps, c.number("lambda")));
  }

  /**
   * One instance of the family.
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
  public record Spec(String variant, String operator, int n, int rStar, int r, double alpha, double epsilon,
      double lambda) implements InstanceSpec {

    @Override
    public String family() {
      return FAMILY;
    }

    boolean identity() {
      return IDENTITY.equals(operator);
    }

    boolean symmetric() {
      return SYMMETRIC.equals(variant);
    }

    /** Forming U U^T (or L R^T) and the gradient's product with U: about 4 n^2 r. */
    @Override
    public double flopsPerIteration() {
      return 4.0 * n * n * r;
    }

    @Override
    public Set<Capability> capabilities() {
      Set<Capability> s = EnumSet.of(NONNEGATIVE, SMOOTH, TRUTH, STOCHASTIC);
      s.add(symmetric() ? SYMMETRIC_SENSING : FACTORED);
      if (!identity()) {
        s.add(SPURIOUS_POINT);
      }
      return s;
    }

    @Override
    public Certificates.Delta ripDelta() {
      return new Certificates.Delta(delta(), false, 0, r + rStar);
    }

    /** delta = alpha^2 sqrt(r/rStar + 2 eps^2 r) for Theorem 2; 0 for the identity. */
    public double delta() {
      return identity() ? 0.0 : NonnegCounterexample.delta(rStar, r, alpha, epsilon);
    }

    @Override
    public Problem problem(SplitMix64 rng) {
      if (identity()) {
        return NonnegCounterexample.identityControl(n, rStar, r, symmetric() ? Double.NaN : lambda);
      }
      NonnegCounterexample c = new NonnegCounterexample(n, rStar, r, alpha, epsilon);
      return symmetric() ? c.symmetricProblem() : c.asymmetricProblem(lambda);
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
    public void columns(ColumnValues m) {
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
    }
  }
}
