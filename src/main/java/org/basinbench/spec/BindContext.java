package org.basinbench.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * What binding an instance section may need beyond its values: where files are read from
 * (families that read data), where problems of the whole section go, and a cache that lives
 * as long as the section (so that a file swept over other fields is read once).
 */
public final class BindContext {
  private final FileSource files;
  private final String baseDir;
  private final Issues issues;
  private final Map<Object, Object> cache = new HashMap<>();

  BindContext(FileSource files, String baseDir, Issues issues) {
    this.files = files;
    this.baseDir = baseDir;
    this.issues = issues;
  }

  /** Where the spec and its data files are read from. */
  public FileSource files() {
    return files;
  }

  /** The directory relative data paths resolve against (the spec file's), or null for the working directory. */
  public String baseDir() {
    return baseDir;
  }

  /** Problems of the section as a whole (reported once, not per combination). */
  public Issues issues() {
    return issues;
  }

  /** A cache shared by the combinations of the section. */
  public Map<Object, Object> cache() {
    return cache;
  }
}
