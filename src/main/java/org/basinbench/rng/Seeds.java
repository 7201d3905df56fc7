package org.basinbench.rng;

import java.nio.charset.StandardCharsets;

/**
 * Seed derivation: every seed used in BasinBench is a pure function of a spec seed and the
 * identity of what it seeds (cell, trial index, stream name), never of partition, attempt,
 * time or evaluation order.
 *
 * <p><b>Stability contract.</b> Every method here is a pure function of its arguments and
 * must never change once results are published: changing any constant or the folding order
 * changes every derived seed, hence every instance and starting point, and silently makes
 * old results irreproducible.
 */
public final class Seeds {

  /** 2^64 / phi, the SplitMix64 / Weyl-sequence increment (odd). */
  static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  /** FNV-1a 64-bit offset basis. */
  static final long FNV64_OFFSET_BASIS = 0xcbf29ce484222325L;

  /** FNV-1a 64-bit prime, 2^40 + 2^8 + 0xb3. */
  static final long FNV64_PRIME = 0x100000001b3L;

  private Seeds() {
  }

  /**
   * The SplitMix64 output finalizer (Stafford's "Mix13" variant): a bijection on 64-bit
   * values with strong avalanche,
   * {@code z = (z ^ z>>>30) * 0xBF58476D1CE4E5B9; z = (z ^ z>>>27) * 0x94D049BB133111EB;
   * return z ^ z>>>31}. Pure and stable (see class doc).
   *
   * @param z input
   * @return the mixed value
   */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * Order-sensitive combination of a seed with identity parts:
   * {@code h_0 = mix64(seed)}, {@code h_{i+1} = mix64(h_i ^ mix64(part_i + GOLDEN_GAMMA * (i+1)))}
   * for i = 0, 1, ...; returns the last h. The position i enters each part's term, and the
   * chain is nonlinear, so permuting parts (or appending a zero part) changes the result.
   * Pure and stable (see class doc).
   *
   * @param seed  base seed
   * @param parts identity parts (e.g. cell index, trial index, stream tag), not modified;
   *              must be non-null (may be empty)
   * @return the derived seed
   */
  public static long derive(long seed, long... parts) {
    long h = mix64(seed);
    for (int i = 0; i < parts.length; i++) {
      h = mix64(h ^ mix64(parts[i] + GOLDEN_GAMMA * (i + 1)));
    }
    return h;
  }

  /**
   * 64-bit hash of a string, for turning names (stream tags, spec ids) into seed parts:
   * FNV-1a over the UTF-8 bytes ({@code h = OFFSET; for each byte b: h = (h ^ b) * PRIME}),
   * then {@link #mix64(long)} to spread FNV's weak low-order avalanche. Pure and stable
   * (see class doc).
   *
   * @param s non-null string
   * @return the hash
   */
  public static long hash(String s) {
    final byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    long h = FNV64_OFFSET_BASIS;
    for (byte b : bytes) {
      h ^= (b & 0xFFL);
      h *= FNV64_PRIME;
    }
    return mix64(h);
  }
}
