package org.basinbench.cli;

import java.net.URI;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop file system of scheme {@code bbtest:} whose paths are local paths: a stand-in for
 * {@code hdfs:} or {@code s3a:} that exercises every non-local code path (scheme dispatch,
 * Hadoop streams, Spark's committers) without a cluster. Registered by
 * {@code fs.bbtest.impl}.
 */
public class LoopbackFileSystem extends RawLocalFileSystem {
  static final String SCHEME = "bbtest";
  private static final URI NAME = URI.create(SCHEME + ":///");

  @Override
  public URI getUri() {
    return NAME;
  }

  @Override
  public String getScheme() {
    return SCHEME;
  }
}
