package org.basinbench.spec;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptiveSpecTest {
  @TempDir
  Path dir;

  /**
   * Adaptive rounds decide on outcomes as each round ends; on real data the outcomes are set
   * against the best loss of all trials, so the two cannot be combined.
   */
  @Test
  void adaptiveTrialsAreRefusedOnRealData() throws Exception {
    Files.writeString(dir.resolve("m.csv"), "1,2,3\n4,5,6\n7,8,10\n");
    Path spec = Files.writeString(dir.resolve("spec.json"), """
        {"experiment": "real", "seed": 1, "trials": 3, "adaptive": {"halfWidth": 0.05, "maxTrials": 100},
         "instance": {"family": "matrix-file", "path": "m.csv", "r": 2},
         "init": {"kind": "half-normal", "scale": 0.5}, "solvers": [{"name": "hals", "maxIter": 20}]}
        """);
    List<String> problems = assertThrows(SpecException.class, () -> SpecParser.parseFile(spec)).problems();
    assertTrue(problems.stream().anyMatch(p -> p.contains("$.adaptive: adaptive trials need a family with a known"
        + " truth")), problems.toString());
  }
}
