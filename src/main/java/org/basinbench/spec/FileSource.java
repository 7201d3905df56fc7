package org.basinbench.spec;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the driver reads spec files and the data files they name. Locations are strings as the
 * source prints them: local paths, or URIs of a file system the source knows. {@link #LOCAL}
 * reads the local file system; the command line adds Hadoop file systems ({@code hdfs:},
 * {@code s3a:}, ...) without this package knowing of them.
 */
public interface FileSource {
  /** A URI scheme ({@code hdfs://}, {@code s3a://}, {@code file:}); one letter is a drive, not a scheme. */
  Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");

  /**
   * The location of {@code given} (a path as a spec writes it); relative paths resolve against
   * {@code dir}, a directory location from {@link #parent}, or the working directory when null.
   *
   * @throws IllegalArgumentException with the reason, when {@code given} names nothing this
   *     source can read
   */
  String locate(String dir, String given);

  /** The directory holding {@code location}, or null for the working directory. */
  String parent(String location);

  /** The last name of {@code location} (a file name, for telling its format). */
  default String fileName(String location) {
    String s = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    return s.substring(s.lastIndexOf('/') + 1);
  }

  /**
   * Opens a location for reading.
   *
   * @throws java.nio.file.NoSuchFileException when nothing is there
   * @throws java.nio.file.AccessDeniedException when it may not be read
   */
  InputStream open(String location) throws IOException;

  /** Whether {@code location} is a directory (false when it does not exist). */
  boolean isDirectory(String location) throws IOException;

  /** The local file system; {@code file:} URIs are local paths, other schemes are refused. */
  FileSource LOCAL = new FileSource() {
    @Override
    public String locate(String dir, String given) {
      if (given.isBlank()) {
        throw new IllegalArgumentException("must name a file; got an empty string");
      }
      if (SCHEME.matcher(given).matches() && !given.startsWith("file:")) {
        throw new IllegalArgumentException("\"" + given + "\" is not a local path, and only local files are read"
            + " here; the command line reads Hadoop file systems (hdfs:, s3a:, ...)");
      }
      try {
        if (given.startsWith("file:")) {
          return Path.of(URI.create(given)).toString();
        }
        Path p = Path.of(given);
        return (p.isAbsolute() || dir == null ? p : Path.of(dir).resolve(p)).normalize().toString();
      } catch (IllegalArgumentException e) { // InvalidPathException, or a malformed file: URI
        throw new IllegalArgumentException("not a valid path: \"" + given + "\" (" + e.getMessage() + ")", e);
      }
    }

    @Override
    public String parent(String location) {
      Path parent = Path.of(location).getParent();
      return parent == null ? null : parent.toString();
    }

    @Override
    public InputStream open(String location) throws IOException {
      return Files.newInputStream(Path.of(location));
    }

    @Override
    public boolean isDirectory(String location) {
      return Files.isDirectory(Path.of(location));
    }
  };
}
