package org.basinbench.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;
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
  private final FileSource files;
  private final String baseDir;
  private final String path;
  private final Problems problems;
  private final Map<String, Object> cache = new HashMap<>();

  /**
   * @param files where files are read from
   * @param baseDir the directory location relative paths resolve against (the spec file's), or
   *     null for the working directory
   * @param path the JSON path of the instance section, e.g. {@code $.instance}
   * @param problems where file problems are recorded
   */
  MatrixFiles(FileSource files, String baseDir, String path, Problems problems) {
    this.files = files;
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
    String file = resolve(given);
    if (file == null) {
      return null;
    }
    MatrixFile.Format format;
    if (c.containsKey("format")) {
      format = MatrixFile.Format.of(c.get("format").textValue());
    } else {
      format = MatrixFile.Format.fromFileName(files.fileName(file));
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
  private String resolve(String given) {
    try {
      return files.locate(baseDir, given);
    } catch (IllegalArgumentException e) {
      problems.add(path + ".path", e.getMessage());
      return null;
    }
  }

  /**
   * Reads a file: the matrix, a {@link Bound} with a combination problem (downsample), or
   * {@link Boolean#FALSE} after recording a file problem.
   */
  private Object load(String file, String given, MatrixFile.Format format, boolean drop, int downsample) {
    String where = "\"" + given + "\"" + (given.equals(file) ? "" : " (" + file + ")");
    try {
      if (files.isDirectory(file)) {
        problems.add(path + ".path", where + " is a directory, not a data file");
        return Boolean.FALSE;
      }
      return MatrixFile.read(() -> files.open(file), format, drop, downsample, SpecParser.MAX_ENTRIES);
    } catch (NoSuchFileException e) {
      problems.add(path + ".path", "no such file: " + where + (given.equals(file) ? ""
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
