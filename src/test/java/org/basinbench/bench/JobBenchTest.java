package org.basinbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobBenchTest {
  @TempDir
  Path tmp;

  /** The peak heap is the largest "before" or "after" of any collection in a -Xlog:gc log (JDK 17 G1 lines). */
  @Test
  void peakHeapIsTheLargestHeapSeenByAnyCollection() throws Exception {
    Path log = Files.writeString(tmp.resolve("gc.log"), """
        [0.011s][info][gc] Using G1
        [1.502s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 51M->9M(1024M) 6.421ms
        [4.870s][info][gc] GC(1) Pause Young (Concurrent Start) (Metadata GC Threshold) 612M->80M(1024M) 12.1ms
        [4.871s][info][gc] GC(2) Concurrent Mark Cycle
        [9.204s][info][gc] GC(3) Pause Young (Normal) (G1 Evacuation Pause) 329M->95M(1024M) 8.0ms
        """);
    assertEquals(612, JobBench.peakHeapMb(log));
    assertEquals(0, JobBench.peakHeapMb(tmp.resolve("absent.log")), "no log, no collection seen");
  }
}
