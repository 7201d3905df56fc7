package org.basinbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.basinbench.instance.DataMatrix;
import org.basinbench.instance.MatrixFile;

/**
 * Binds the grid combinations of a {@code matrix-file} instance: resolves the file against the
 * spec's directory, reads it once per distinct (file, format, dropLastColumn, downsample), and
 * checks the rank against its shape. Problems of the file itself (missing, unreadable, not a
 * matrix, negative or constant data, fields that do not apply to its format) are recorded at
 * once, one line each at the field's JSON path; problems of one combination (a downsample
 * factor larger than the image, a rank larger than the matrix) are returned, so that a sweep
 * can skip them like any other cross-field rule.
 */
final class MatrixFiles {
  /** A URI scheme ({@code hdfs://}, {@code s3a://}); {@code file:} URIs are read as local files. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final Path baseDir;
  private final String path;
  private final Problems problems;
  private final Map<String, Object> cache = new HashMap<>();

  /**
   * @param baseDir the directory relative paths resolve against (the spec file's)
   * @param path the JSON path of the instance section, e.g. {@code $.instance}
   * @param problems where file problems are recorded
   */
  MatrixFiles(Path baseDir, String path, Problems problems) {
    this.baseDir = baseDir;
    this.path = path;
    this.problems = problems;
  }

  /**
   * The outcome of binding one combination: an instance, or the field and reason that rule
   * this combination out.
   */
  record Bound(InstanceSpec instance, String field, String problem) {}

  /**
   * Binds one validated combination of the {@code matrix-file} fields.
   *
   * @return the bound instance, a combination problem, or null after recording a file problem
   */
  Bound bind(Map<String, JsonNode> c) {
    String given = c.get("path").textValue();
    boolean drop = c.get("dropLastColumn").booleanValue();
    int downsample = c.get("downsample").intValue();
    int r = c.get("r").intValue();
    Path file = resolve(given);
    if (file == null) {
      return null;
    }
    MatrixFile.Format format;
    if (c.containsKey("format")) {
      format = MatrixFile.Format.of(c.get("format").textValue());
    } else {
      format = MatrixFile.Format.fromFileName(file.getFileName() == null ? given : file.getFileName().toString());
      if (format == null) {
        problems.add(path + ".format", "missing: the extension of \"" + given + "\" does not tell the format; give"
            + " \"format\": one of \"csv\", \"csv.gz\", \"image\"");
        return null;
      }
    }
    boolean image = format == MatrixFile.Format.IMAGE;
    if (drop && image) {
      problems.add(path + ".dropLastColumn", "applies to CSV data only, and \"" + given + "\" is read as an image");
      return null;
    }
    if (downsample != 1 && !image) {
      problems.add(path + ".downsample", "applies to images only (it averages blocks of pixels), and \"" + given
          + "\" is read as " + format.label() + "; remove it");
      return null;
    }
    String key = file + "|" + format + "|" + drop + "|" + downsample;
    Object loaded = cache.computeIfAbsent(key, k -> load(file, given, format, drop, downsample));
    if (loaded instanceof Bound b) {
      return b;
    }
    if (!(loaded instanceof DataMatrix data)) {
      return null; // a file problem, recorded when it was first read
    }
    int max = Math.min(data.rows(), data.cols());
    if (r > max) {
      return new Bound(null, "r", "r must be <= min(n, m) = " + max + " for the " + data.rows() + " x "
          + data.cols() + " matrix of \"" + given + "\" (the factors are n x r and r x m); got r=" + r);
    }
    return new Bound(new InstanceSpec.MatrixFileSpec(given, format.label(), drop, downsample, new MatrixFile(data, r)),
        null, null);
  }

  /** The file a spec path names, or null after recording why it names none. */
  private Path resolve(String given) {
    if (given.isBlank()) {
      problems.add(path + ".path", "must name a file; got an empty string");
      return null;
    }
    try {
      if (given.startsWith("file:")) {
        return Path.of(URI.create(given));
      }
      if (SCHEME.matcher(given).matches() && given.indexOf(':') > 1) {
        problems.add(path + ".path", "only local files are read (the driver reads the matrix when the spec is"
            + " parsed); got \"" + given + "\": copy it to a local path");
        return null;
      }
      Path p = Path.of(given);
      return p.isAbsolute() ? p : baseDir.resolve(p).normalize();
    } catch (IllegalArgumentException e) { // InvalidPathException, or a malformed file: URI
      problems.add(path + ".path", "not a valid path: \"" + given + "\" (" + e.getMessage() + ")");
      return null;
    }
  }

  /**
   * Reads a file: the matrix, a {@link Bound} with a combination problem (downsample), or
   * {@link Boolean#FALSE} after recording a file problem.
   */
  private Object load(Path file, String given, MatrixFile.Format format, boolean drop, int downsample) {
    String where = "\"" + given + "\"" + (given.equals(file.toString()) ? "" : " (" + file + ")");
    if (Files.isDirectory(file)) {
      problems.add(path + ".path", where + " is a directory, not a data file");
      return Boolean.FALSE;
    }
    try {
      return MatrixFile.read(file, format, drop, downsample, SpecParser.MAX_ENTRIES);
    } catch (NoSuchFileException e) {
      problems.add(path + ".path", "no such file: " + where + (Path.of(given).isAbsolute() ? ""
          : "; relative paths are resolved against the spec file's directory"));
    } catch (AccessDeniedException e) {
      problems.add(path + ".path", "cannot read " + where + ": permission denied");
    } catch (IOException e) {
      problems.add(path + ".path", "cannot read " + where + ": " + e.getMessage());
    } catch (MatrixFile.DataException e) {
      if ("downsample".equals(e.field())) {
        return new Bound(null, "downsample", e.getMessage());
      }
      problems.add(path + "." + e.field(), where + " (" + format.label() + "): " + e.getMessage());
    }
    return Boolean.FALSE;
  }
}
