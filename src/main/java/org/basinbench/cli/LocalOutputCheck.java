package org.basinbench.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.stream.Stream;

/**
 * Checks a local {@code --out} directory before Spark starts, so that a bad path fails in
 * milliseconds and nothing is created. Remote file systems are checked after Spark starts.
 */
final class LocalOutputCheck {
  static final String MARKER = ".basinbench";

  private LocalOutputCheck() {}

  /** Whether {@code out} names the local file system (no scheme, or {@code file:}). */
  static boolean isLocal(String out) {
    if (out.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") && !out.matches("^[A-Za-z]:\\\\.*")) {
      return out.startsWith("file:");
    }
    return true;
  }

  /** Returns a problem description, or null when {@code out} can be used. */
  static String problem(String out) {
    Path p;
    try {
      p = out.startsWith("file:") ? Paths.get(URI.create(out)) : Paths.get(out);
    } catch (RuntimeException e) {
      return "--out: " + out + " is not a valid path (" + e.getMessage() + ")";
    }
    p = p.toAbsolutePath().normalize();
    if (Files.exists(p)) {
      if (!Files.isDirectory(p)) {
        return "--out: " + out + " exists and is a file; give a directory";
      }
      try (Stream<Path> s = Files.list(p)) {
        if (s.findAny().isPresent() && !Files.exists(p.resolve(MARKER))) {
          return "--out: " + out + " is a non-empty directory that no BasinBench run wrote (no " + MARKER
              + " marker); give a new or empty directory, or the output directory of an earlier run";
        }
      } catch (IOException e) {
        return "--out: cannot list " + out + ": " + e.getMessage();
      }
      return Files.isWritable(p) ? null : "--out: " + out + " is not writable";
    }
    Path ancestor = p.getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null) {
      return "--out: cannot create " + out + ": no existing parent directory";
    }
    if (!Files.isDirectory(ancestor)) {
      return "--out: cannot create " + out + ": " + ancestor + " is a file, not a directory";
    }
    if (!Files.isWritable(ancestor)) {
      return "--out: cannot create " + out + ": " + ancestor + " is not writable";
    }
    return null;
  }
}
