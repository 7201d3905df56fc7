package org.basinbench.spec;

import java.io.Serializable;
import org.basinbench.instance.NonnegCounterexample;

/** A concrete problem instance of one grid point (all parameters fixed). */
public sealed interface InstanceSpec extends Serializable permits InstanceSpec.Counterexample {

  /** The {@code instance.family} tag. */
  String family();

  /** The family's variant tag. */
  String variant();

  /**
   * A canonical string of every parameter, exact to the bit, used to derive seeds and cell ids.
   * Never change its format: that would change every published seed.
   */
  String canonicalKey();

  /** A short human-readable form, for listings. */
  String describe();

  /**
   * Zhang (2025), Theorem 2: the nonnegative counterexample, symmetric variant
   * {@code min f(U) = 1/2 ||A(U U^T - Q1 Q1^T)||^2 s.t. U >= 0}.
   */
  record Counterexample(String variant, NonnegCounterexample params) implements InstanceSpec {
    public static final String FAMILY = "nonneg-counterexample";

    @Override
    public String family() {
      return FAMILY;
    }

    @Override
    public String describe() {
      return String.format(java.util.Locale.ROOT, "%s/%s n=%d rStar=%d r=%d alpha=%s epsilon=%s (delta=%.4g)", FAMILY,
          variant, params.n(), params.rStar(), params.r(), params.alpha(), params.epsilon(), params.delta());
    }

    @Override
    public String canonicalKey() {
      return FAMILY + ";variant=" + variant + ";n=" + params.n() + ";rStar=" + params.rStar() + ";r=" + params.r()
          + ";alpha=" + Canonical.bits(params.alpha()) + ";epsilon=" + Canonical.bits(params.epsilon());
    }
  }
}
