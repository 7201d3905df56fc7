package org.basinbench.family;

import org.basinbench.instance.Problem;
import org.basinbench.instance.RandomFamily;
import org.basinbench.rng.SplitMix64;
import org.basinbench.spec.InstanceSpec;

/** An instance of a random family: each of its {@link #draws()} problems is a draw of its law. */
interface Drawn extends InstanceSpec {
  /** The law of the instances. */
  RandomFamily params();

  @Override
  default Problem problem(SplitMix64 rng) {
    return params().draw(rng);
  }
}
