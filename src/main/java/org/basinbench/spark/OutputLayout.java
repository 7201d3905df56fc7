package org.basinbench.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a run's tables live, and how they get there without ever being seen half-written.
 *
 * <p>Layout: {@code OUT/<table>/experiment=NAME/} (Hive-style partition directories, so
 * {@code OUT/<table>} reads as one table with an {@code experiment} column),
 * {@code OUT/manifests/NAME.json}, and the marker {@code OUT/.basinbench}. Every table is
 * first written under {@code OUT/_staging/<run id>/} and moved to its final path only once
 * complete; a failed run leaves published tables as they were. Works on any Hadoop file
 * system (local, HDFS, object stores).
 */
final class OutputLayout implements java.io.Closeable {
  static final String MARKER = ".basinbench";
  static final String STAGING = "_staging";
  static final String MANIFESTS = "manifests";

  private final FileSystem fs;
  private final Path root;
  private final Path staging;

  private OutputLayout(FileSystem fs, Path root) {
    this.fs = fs;
    this.root = root;
    this.staging = new Path(new Path(root, STAGING), "run-" + UUID.randomUUID());
  }

  /**
   * Opens an output root, refusing a file, or a non-empty directory that no BasinBench run
   * wrote. Creates nothing.
   */
  static OutputLayout open(String out, Configuration conf) throws OutputException, IOException {
    Path root = new Path(out);
    // A private instance, so that turning off checksum side files (.crc next to the marker and
    // manifests) does not change the file system object Spark itself uses.
    FileSystem fs = FileSystem.newInstance(root.toUri(), conf);
    fs.setWriteChecksum(false);
    root = fs.makeQualified(root);
    if (fs.exists(root)) {
      FileStatus st = fs.getFileStatus(root);
      if (!st.isDirectory()) {
        throw new OutputException("--out: " + out + " exists and is a file; give a directory");
      }
      if (fs.listStatus(root).length > 0 && !fs.exists(new Path(root, MARKER))) {
        throw new OutputException("--out: " + out + " is a non-empty directory that no BasinBench run wrote (no "
            + MARKER + " marker); give a new or empty directory, or the output directory of an earlier run");
      }
    }
    return new OutputLayout(fs, root);
  }

  /** Creates the root and its marker (first write of a run). */
  void claim() throws IOException {
    fs.mkdirs(root);
    Path marker = new Path(root, MARKER);
    if (!fs.exists(marker)) {
      try (OutputStream o = fs.create(marker, false)) {
        o.write("BasinBench output directory: tables under <table>/experiment=NAME, manifests under manifests/\n"
            .getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  Path root() {
    return root;
  }

  String staged(String table, String experiment) {
    return new Path(new Path(staging, table), "experiment=" + experiment).toString();
  }

  Path published(String table, String experiment) {
    return new Path(new Path(root, table), "experiment=" + experiment);
  }

  Path manifest(String experiment) {
    return new Path(new Path(root, MANIFESTS), experiment + ".json");
  }

  /**
   * Moves an experiment's staged tables to their final paths, replacing earlier versions,
   * then writes its manifest (last, so a manifest always describes complete tables).
   */
  void publish(String experiment, List<String> tables, String manifestJson) throws IOException {
    Path trash = new Path(staging, "replaced");
    for (String table : tables) {
      Path src = new Path(staged(table, experiment));
      Path dst = published(table, experiment);
      fs.mkdirs(dst.getParent());
      if (fs.exists(dst)) {
        Path old = new Path(new Path(trash, table), dst.getName());
        fs.mkdirs(old.getParent());
        rename(dst, old);
      }
      rename(src, dst);
    }
    Path manifest = manifest(experiment);
    Path tmp = new Path(staging, experiment + ".json");
    try (OutputStream o = fs.create(tmp, true)) {
      o.write(manifestJson.getBytes(StandardCharsets.UTF_8));
    }
    fs.mkdirs(manifest.getParent());
    if (fs.exists(manifest)) {
      fs.delete(manifest, false);
    }
    rename(tmp, manifest);
    fs.delete(trash, true);
  }

  private void rename(Path src, Path dst) throws IOException {
    if (!fs.rename(src, dst)) {
      throw new IOException("could not move " + src + " to " + dst);
    }
  }

  /** Removes this run's staging directory (and the staging root when it is left empty). */
  void cleanup() {
    try {
      fs.delete(staging, true);
      Path parent = staging.getParent();
      if (fs.exists(parent) && fs.listStatus(parent).length == 0) {
        fs.delete(parent, false);
      }
    } catch (IOException e) {
      // Best effort: a leftover _staging directory is never read as a table.
    }

  }

  /** Releases this layout's private file-system instance. */
  @Override
  public void close() throws IOException {
    fs.close();
  }
}
