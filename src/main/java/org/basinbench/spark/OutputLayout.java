package org.basinbench.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileContext;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;

/**
 * Where a run's tables live, and how they get there without ever being seen half-written.
 *
 * <p>Layout: {@code OUT/<table>/experiment=NAME/} (Hive-style partition directories, so
 * {@code OUT/<table>} reads as one table with an {@code experiment} column),
 * {@code OUT/manifests/NAME.json}, and the marker {@code OUT/.basinbench}. Every table is
 * first written under {@code OUT/_staging/<run id>/} and moved to its final path only once
 * complete; a failed run leaves published tables as they were. Publication relies on
 * directory renames, which are atomic on local file systems and HDFS (not on object stores).
 */
final class OutputLayout implements java.io.Closeable {
  static final String MARKER = ".basinbench";
  static final String STAGING = "_staging";
  static final String MANIFESTS = "manifests";
  /** The one-writer lock: who holds the output directory (see {@link #lock}). */
  static final String LOCK = "_lock";

  private final FileSystem fs;
  private final FileContext files;
  private final Path root;
  private final Path staging;

  private OutputLayout(FileSystem fs, FileContext files, Path root) {
    this.fs = fs;
    this.files = files;
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
    return new OutputLayout(fs, FileContext.getFileContext(root.toUri(), conf), root);
  }

  /**
   * Staging directories of other runs: of runs still going, or left by runs that were
   * killed. Never read as tables; listed so that the user can delete the stale ones.
   */
  List<String> otherStagingDirectories() throws IOException {
    Path parent = staging.getParent();
    List<String> out = new ArrayList<>();
    if (fs.exists(parent)) {
      for (FileStatus st : fs.listStatus(parent)) {
        if (!st.getPath().getName().equals(staging.getName())) {
          out.add(st.getPath().toString());
        }
      }
    }
    return out;
  }

  /** Whether this layout holds the directory's lock. */
  private boolean locked;

  /**
   * Takes the output directory's lock, so that one run at a time writes into it: a file
   * {@code OUT/_lock} created only if absent (an exclusive create on a local file system, a
   * create without overwrite on HDFS), naming the holder (run id, host, pid, start time). A
   * directory another run holds is refused, naming the holder, or, with {@code wait}, waited
   * for; a lock whose holder is gone (same host, no such process) is reported with the command
   * that removes it, never broken silently. Claims the directory ({@link #claim}) first.
   *
   * @param wait wait for the holder to finish instead of refusing
   * @param err where the note that it waits goes
   */
  void lock(boolean wait, java.io.PrintStream err) throws OutputException, IOException {
    // The marker first, so that another run never sees a directory with a lock and no marker.
    claim();
    Path lock = new Path(root, LOCK);
    String me = "run=" + staging.getName() + "\nhost=" + host() + "\npid=" + ProcessHandle.current().pid()
        + "\nstarted=" + java.time.Instant.now() + "\n";
    boolean noted = false;
    while (true) {
      if (createExclusive(lock, me)) {
        locked = true;
        return;
      }
      java.util.Map<String, String> holder = holder(lock);
      String who = "run " + holder.getOrDefault("run", "?") + " (pid " + holder.getOrDefault("pid", "?") + " on "
          + holder.getOrDefault("host", "?") + ", started " + holder.getOrDefault("started", "?") + ")";
      if (gone(holder)) {
        boolean local = "file".equals(lock.toUri().getScheme());
        throw new OutputException("--out: " + root + " is locked by " + who + ", which is no longer running (killed?);"
            + " if no other run uses the directory, remove the lock and run again: "
            + (local ? "rm " : "hadoop fs -rm ") + "'" + (local ? lock.toUri().getPath() : lock.toString()) + "'");
      }
      if (!wait) {
        throw new OutputException("--out: " + root + " is in use by another run, " + who
            + "; wait for it to finish, give --wait to wait for it, or choose another --out");
      }
      if (!noted) {
        err.println("note: " + root + " is in use by " + who + "; waiting for it to finish (--wait)");
        noted = true;
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the lock " + lock, e);
      }
    }
  }

  /** Releases the lock if this layout holds it (and the file still names this run). */
  void unlock() {
    if (!locked) {
      return;
    }
    try {
      Path lock = new Path(root, LOCK);
      if (staging.getName().equals(holder(lock).get("run"))) {
        fs.delete(lock, false);
      }
      locked = false;
    } catch (IOException e) {
      // Best effort: a lock left behind names a process that is gone, and is reported as stale.
    }
  }

  /** Creates {@code file} with {@code content} only if it is absent; false when it exists. */
  private boolean createExclusive(Path file, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if ("file".equals(file.toUri().getScheme())) {
      // Hadoop's local create checks, then creates: not atomic. O_EXCL is.
      java.nio.file.Path p = java.nio.file.Path.of(file.toUri());
      java.nio.file.Path tmp = p.resolveSibling(LOCK + "." + staging.getName());
      java.nio.file.Files.write(tmp, bytes);
      try {
        // A hard link is created only if the name is free, and appears with its content whole.
        java.nio.file.Files.createLink(p, tmp);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      } catch (UnsupportedOperationException e) {
        try {
          java.nio.file.Files.write(p, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
              java.nio.file.StandardOpenOption.WRITE);
          return true;
        } catch (java.nio.file.FileAlreadyExistsException e2) {
          return false;
        }
      } finally {
        java.nio.file.Files.deleteIfExists(tmp);
      }
    }
    try (OutputStream o = fs.create(file, false)) {
      o.write(bytes);
      return true;
    } catch (org.apache.hadoop.fs.FileAlreadyExistsException e) {
      return false;
    }
  }

  /** The lock's fields (empty when it vanished or cannot be read). */
  private java.util.Map<String, String> holder(Path lock) throws IOException {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    try (java.io.InputStream in = fs.open(lock)) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          out.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
    } catch (java.io.FileNotFoundException e) {
      // released meanwhile
    }
    return out;
  }

  /** Whether the lock's holder is known to be gone: this host, and no process with its pid. */
  private static boolean gone(java.util.Map<String, String> holder) {
    if (!host().equals(holder.get("host"))) {
      return false;
    }
    try {
      return ProcessHandle.of(Long.parseLong(holder.getOrDefault("pid", ""))).isEmpty();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "localhost";
    }
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

  /**
   * What a published manifest records of an experiment.
   *
   * @param specHash the spec hash the tables were computed from
   * @param source the spec file they came from
   * @param tables the tables it lists
   * @param totalTrials trials run
   * @param outcomes outcome totals
   * @param seconds elapsed time of that run
   */
  record Recorded(String specHash, String source, List<String> tables, long totalTrials,
      java.util.Map<String, Long> outcomes, double seconds) {}

  /**
   * The manifest of an experiment, or null when none is published.
   *
   * @throws OutputException when a manifest exists but cannot be read as one
   */
  Recorded recorded(String experiment) throws IOException, OutputException {
    Path path = manifest(experiment);
    if (!fs.exists(path)) {
      return null;
    }
    com.fasterxml.jackson.databind.JsonNode m;
    try (java.io.InputStream in = fs.open(path)) {
      m = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new OutputException("--out: " + path + " is not a readable BasinBench manifest (" + e.getMessage()
          + "); delete it, or give --force to recompute experiment " + experiment);
    }
    if (m == null || !m.path("specHash").isTextual()) {
      throw new OutputException("--out: " + path + " is not a BasinBench manifest (no specHash); delete it, or"
          + " give --force to recompute experiment " + experiment);
    }
    List<String> tables = new ArrayList<>();
    m.path("tables").fieldNames().forEachRemaining(tables::add);
    java.util.Map<String, Long> outcomes = new java.util.LinkedHashMap<>();
    m.path("outcomes").fields().forEachRemaining(en -> outcomes.put(en.getKey(), en.getValue().asLong()));
    return new Recorded(m.get("specHash").asText(), m.path("source").asText(""), tables,
        m.path("totalTrials").asLong(), outcomes, m.path("elapsedSeconds").asDouble());
  }

  boolean exists(Path p) throws IOException {
    return fs.exists(p);
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
   * Moves an experiment's staged tables and its manifest to their final paths, replacing
   * earlier versions. Every write happens before the first move; each move is a rename that
   * refuses an existing destination (a plain Hadoop rename would nest into it, say when two
   * runs publish to the same directory at once). If any move fails, the moves already made
   * are undone in reverse order, so the previous tables and manifest stay as they were.
   */
  void publish(String experiment, List<String> tables, String manifestJson) throws IOException {
    Path stagedManifest = new Path(new Path(staging, MANIFESTS), experiment + ".json");
    try (OutputStream o = fs.create(stagedManifest, true)) {
      o.write(manifestJson.getBytes(StandardCharsets.UTF_8));
    }
    Path trash = new Path(staging, "replaced");
    List<Path[]> pairs = new ArrayList<>();
    for (String table : tables) {
      pairs.add(new Path[] {new Path(staged(table, experiment)), published(table, experiment)});
    }
    // Last, so that a manifest always describes complete tables.
    pairs.add(new Path[] {stagedManifest, manifest(experiment)});
    Deque<Path[]> moved = new ArrayDeque<>();
    try {
      for (Path[] pair : pairs) {
        Path dst = pair[1];
        fs.mkdirs(dst.getParent());
        if (fs.exists(dst)) {
          Path old = new Path(new Path(trash, dst.getParent().getName()), dst.getName());
          fs.mkdirs(old.getParent());
          move(dst, old, moved);
        }
        move(pair[0], dst, moved);
      }
    } catch (IOException | RuntimeException e) {
      String undo = rollBack(moved);
      throw new IOException("publishing experiment " + experiment + " failed (" + e.getMessage() + "); "
          + undo, e);
    }
    fs.delete(trash, true);
  }

  private void move(Path src, Path dst, Deque<Path[]> moved) throws IOException {
    files.rename(src, dst, Options.Rename.NONE);
    moved.push(new Path[] {src, dst});
  }

  /** Undoes moves, newest first; returns what happened, for the error message. */
  private String rollBack(Deque<Path[]> moved) {
    int undone = 0;
    while (!moved.isEmpty()) {
      Path[] m = moved.pop();
      try {
        files.rename(m[1], m[0], Options.Rename.NONE);
        undone++;
      } catch (IOException | RuntimeException e) {
        return "could not restore " + m[1] + " to " + m[0] + " (" + e.getMessage()
            + "); the previous tables are under " + staging;
      }
    }
    return undone == 0 ? "nothing had been moved" : "the previous tables were restored";
  }

  /** Removes this run's staging directory (and the staging root when it is left empty), then releases the lock. */
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
    unlock();
  }

  /** Releases this layout's private file-system instance. */
  @Override
  public void close() throws IOException {
    fs.close();
  }
}
