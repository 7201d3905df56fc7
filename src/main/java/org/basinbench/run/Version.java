package org.basinbench.run;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The BasinBench version, from a resource Maven filters at build time. */
public final class Version {
  private Version() {}

  /**
   * The git commit the code was built from, as the launcher ({@code bin/basinbench},
   * {@code jobs/submit.sh}) passes it in the system property {@code basinbench.git.commit}
   * (with {@code -dirty} when the checkout had uncommitted changes); "unknown" otherwise.
   */
  public static String gitCommit() {
    String c = System.getProperty("basinbench.git.commit");
    return c == null || c.isBlank() ? "unknown" : c.trim();
  }

  public static String basinbench() {
    try (InputStream in = Version.class.getResourceAsStream("/org/basinbench/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
