package org.basinbench.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;

/**
 * The {@link LoopbackFileSystem} for Hadoop's {@code FileContext} (which the output layout
 * uses for atomic renames), registered by {@code fs.AbstractFileSystem.bbtest.impl}; HDFS and
 * S3A ship theirs.
 */
public class LoopbackFs extends DelegateToFileSystem {
  public LoopbackFs(URI uri, Configuration conf) throws IOException, URISyntaxException {
    super(uri, new LoopbackFileSystem(), conf, LoopbackFileSystem.SCHEME, false);
  }
}
