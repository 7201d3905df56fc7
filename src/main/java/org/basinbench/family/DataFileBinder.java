package org.basinbench.family;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.basinbench.instance.DataMatrix;
import org.basinbench.instance.MatrixFile;
import org.basinbench.spec.BindContext;
import org.basinbench.spec.Bound;
import org.basinbench.spec.FileSource;
import org.basinbench.spec.Issues;
import org.basinbench.spec.Values;

/**
 * Binds the grid combinations of a {@code matrix-file} instance: resolves the file against the
 * spec's directory, reads it once per distinct (file, format, dropLastColumn, downsample), and
 * checks the rank against its shape. Problems of the file itself (missing, unreadable, not a
 * matrix, negative or constant data, fields that do not apply to its format) are recorded at
 * once, one line each at the field's JSON path; problems of one combination (a downsample
 * factor larger than the image, a rank larger than the matrix) are returned, so that a sweep
 * can skip them like any other cross-field rule.
 */
final class DataFileBinder {
  private final FileSource files;
  private final String baseDir;
  private final Issues problems;
  private final java.util.Map<Object, Object> cache;

  /** A binder of the combinations of one section, reading files as {@code context} says. */
  DataFileBinder(BindContext context) {
    this.files = context.files();
    this.baseDir = context.baseDir();
    this.problems = context.issues();
    this.cache = context.cache();
  }

  /**
   * Binds one validated combination of the {@code matrix-file} fields.
   *
   * @return the bound instance, a combination problem, or {@link Bound#recorded()} after
   *     recording a file problem
   */
  Bound bind(Values c) {
    String given = c.text("path");
    boolean drop = c.bool("dropLastColumn");
    int downsample = c.integer("downsample");
    int r = c.integer("r");
    String file = resolve(given);
    if (file == null) {
      return Bound.recorded();
    }
    MatrixFile.Format format;
    if (c.has("format")) {
      format = MatrixFile.Format.of(c.text("format"));
    } else {
      format = MatrixFile.Format.fromFileName(files.fileName(file));
      if (format == null) {
        problems.add("format", "missing: the extension of \"" + given + "\" does not tell the format; give"
            + " \"format\": one of \"csv\", \"csv.gz\", \"image\"");
        return Bound.recorded();
      }
    }
    boolean image = format == MatrixFile.Format.IMAGE;
    if (drop && image) {
      problems.add("dropLastColumn", "applies to CSV data only, and \"" + given + "\" is read as an image");
      return Bound.recorded();
    }
    if (downsample != 1 && !image) {
      problems.add("downsample", "applies to images only (it averages blocks of pixels), and \"" + given
          + "\" is read as " + format.label() + "; remove it");
      return Bound.recorded();
    }
    String key = file + "|" + format + "|" + drop + "|" + downsample;
    Object loaded = cache.computeIfAbsent(key, k -> load(file, given, format, drop, downsample));
    if (loaded instanceof Bound b) {
      return b;
    }
    if (!(loaded instanceof DataMatrix data)) {
      return Bound.recorded(); // a file problem, recorded when it was first read
    }
    int max = Math.min(data.rows(), data.cols());
    if (r > max) {
      return Bound.invalid("r", "r must be <= min(n, m) = " + max + " for the " + data.rows() + " x "
          + data.cols() + " matrix of \"" + given + "\" (the factors are n x r and r x m); got r=" + r);
    }
    return Bound.of(new MatrixFileFamily.Spec(given, format.label(), drop, downsample, new MatrixFile(data, r)));
  }

  /** The file a spec path names, or null after recording why it names none. */
  private String resolve(String given) {
    try {
      return files.locate(baseDir, given);
    } catch (IllegalArgumentException e) {
      problems.add("path", e.getMessage());
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
        problems.add("path", where + " is a directory, not a data file");
        return Boolean.FALSE;
      }
      return MatrixFile.read(() -> files.open(file), format, drop, downsample, Limits.MAX_ENTRIES);
    } catch (NoSuchFileException e) {
      problems.add("path", "no such file: " + where + (given.equals(file) ? ""
          : "; relative paths are resolved against the spec file's directory"));
    } catch (AccessDeniedException e) {
      problems.add("path", "cannot read " + where + ": permission denied");
    } catch (IOException e) {
      problems.add("path", "cannot read " + where + ": " + e.getMessage());
    } catch (MatrixFile.DataException e) {
      if ("downsample".equals(e.field())) {
        return Bound.invalid("downsample", e.getMessage());
      }
      problems.add(e.field(), where + " (" + format.label() + "): " + e.getMessage());
    }
    return Boolean.FALSE;
  }
}
