package org.basinbench.instance;

import org.basinbench.rng.SplitMix64;

/** The law of a random family's instances: each draw, from its own generator, is a new problem. */
public interface RandomFamily {
  /**
   * Draws an instance.
   *
   * @param rng the draw's generator (seeded from the spec seed, the instance and the draw)
   */
  Problem draw(SplitMix64 rng);
}
