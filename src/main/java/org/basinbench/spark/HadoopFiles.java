package org.basinbench.spark;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.security.AccessControlException;
import org.apache.spark.SparkConf;
import org.basinbench.spec.FileSource;

/**
 * Specs and data files on any Hadoop file system ({@code hdfs:}, {@code s3a:}, {@code abfs:},
 * ...): the same kinds of path {@code --out} takes. Local paths and {@code file:} URIs stay with
 * {@link FileSource#LOCAL} (and its messages); a relative data path in a remote spec resolves
 * against the spec's directory on the spec's file system.
 */
public final class HadoopFiles implements FileSource {
  /** Made on first remote access: runs with local specs never load Hadoop's file systems. */
  private Configuration conf;

  private HadoopFiles() {}

  /**
   * Over the Hadoop configuration a driver sees before its SparkSession starts: the Hadoop
   * defaults and site files on the classpath, plus every {@code spark.hadoop.*} setting that
   * spark-submit (or a {@code -D} system property) gives, as Spark itself would apply them.
   */
  public static HadoopFiles fromSparkConf() {
    return new HadoopFiles();
  }

  private Configuration conf() {
    if (conf == null) {
      conf = new Configuration();
      for (scala.Tuple2<String, String> kv : new SparkConf().getAll()) {
        if (kv._1().startsWith("spark.hadoop.")) {
          conf.set(kv._1().substring("spark.hadoop.".length()), kv._2());
        }
      }
    }
    return conf;
  }

  /** Whether {@code location} names a non-local file system. */
  static boolean remote(String location) {
    return location != null && SCHEME.matcher(location).matches() && !location.startsWith("file:");
  }

  @Override
  public String locate(String dir, String given) {
    if (remote(given)) {
      return new Path(given).toString();
    }
    if (!remote(dir) || given.startsWith("file:")) {
      return LOCAL.locate(dir, given);
    }
    if (given.isBlank()) {
      throw new IllegalArgumentException("must name a file; got an empty string");
    }
    try {
      return new Path(new Path(dir), given).toString();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a valid path: \"" + given + "\" (" + e.getMessage() + ")", e);
    }
  }

  @Override
  public String parent(String location) {
    if (!remote(location)) {
      return LOCAL.parent(location);
    }
    Path parent = new Path(location).getParent();
    return parent == null ? null : parent.toString();
  }

  @Override
  public InputStream open(String location) throws IOException {
    if (!remote(location)) {
      return LOCAL.open(location);
    }
    Path p = path(location);
    try {
      return p.getFileSystem(conf()).open(p);
    } catch (FileNotFoundException e) {
      throw new NoSuchFileException(location);
    } catch (AccessControlException e) {
      throw new AccessDeniedException(location);
    }
  }

  @Override
  public boolean isDirectory(String location) throws IOException {
    if (!remote(location)) {
      return LOCAL.isDirectory(location);
    }
    Path p = path(location);
    try {
      return p.getFileSystem(conf()).getFileStatus(p).isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  private static Path path(String location) throws IOException {
    try {
      return new Path(location);
    } catch (IllegalArgumentException e) {
      throw new IOException("not a valid URI: " + location + " (" + e.getMessage() + ")", e);
    }
  }
}
