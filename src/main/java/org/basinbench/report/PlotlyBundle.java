package org.basinbench.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Properties;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Plotly as the report inlines it: the WebJar {@code org.webjars.npm:plotly.js-dist} ships only
 * the unminified bundle (11 MB), so the report carries it gzip-compressed and base64-encoded
 * (about 2.6 MB) and the page decompresses it with the browser's {@code DecompressionStream}.
 * Compressed once per JVM.
 */
public final class PlotlyBundle {
  private static final String WEBJAR = "META-INF/resources/webjars/plotly.js-dist/";
  private static final String POM = "META-INF/maven/org.webjars.npm/plotly.js-dist/pom.properties";

  private static String version;
  private static String gzipBase64;

  private PlotlyBundle() {}

  /** The WebJar's Plotly version, e.g. "3.3.1". */
  public static synchronized String version() throws IOException {
    if (version == null) {
      try (InputStream in = resource(POM)) {
        Properties p = new Properties();
        p.load(in);
        version = p.getProperty("version");
      }
      if (version == null) {
        throw new IOException(POM + " names no version");
      }
    }
    return version;
  }

  /** plotly.js, gzip-compressed (level 9), as base64 text (safe inside any HTML element). */
  public static synchronized String gzipBase64() throws IOException {
    if (gzipBase64 == null) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(4 << 20);
      try (InputStream in = resource(WEBJAR + version() + "/plotly.js");
          GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16) {
            {
              def.setLevel(Deflater.BEST_COMPRESSION);
            }
          }) {
        in.transferTo(gz);
      }
      gzipBase64 = Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
    return gzipBase64;
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = PlotlyBundle.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("Plotly is missing from the classpath (" + path
          + "); the build puts the WebJar org.webjars.npm:plotly.js-dist there");
    }
    return in;
  }
}
