package org.basinbench.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The families and solvers the validator knows, found with {@link ServiceLoader}: every class
 * named in a {@code META-INF/services/org.basinbench.spec.FamilyUnit} or
 * {@code META-INF/services/org.basinbench.spec.SolverUnit} file on the class path. BasinBench's
 * own units are registered that way too (one line each, in its jar), so a user's jar adds a
 * family or a solver exactly as a built-in one is added: its classes and one line. Built-in
 * units come first, in their files' order; others follow in the order of their class names. A
 * name given twice is refused.
 */
public final class Registry {
  private static volatile Registry loaded;

  private final Map<String, FamilyUnit> families = new LinkedHashMap<>();
  private final Map<String, SolverUnit> solvers = new LinkedHashMap<>();
  private final ColumnCatalogue catalogue;

  private Registry(List<FamilyUnit> familyUnits, List<SolverUnit> solverUnits) {
    for (FamilyUnit f : familyUnits) {
      FamilyUnit previous = families.putIfAbsent(f.name(), f);
      if (previous != null) {
        throw twice("family", f.name(), previous, f);
      }
    }
    for (SolverUnit s : solverUnits) {
      SolverUnit previous = solvers.putIfAbsent(s.name(), s);
      if (previous != null) {
        throw twice("solver", s.name(), previous, s);
      }
    }
    catalogue = new ColumnCatalogue(this);
  }

  private static IllegalStateException twice(String kind, String name, Object a, Object b) {
    return new IllegalStateException(kind + " \"" + name + "\" is registered twice: by " + a.getClass().getName()
        + " and by " + b.getClass().getName() + "; remove one of the jars, or rename one unit");
  }

  /** The registry of every unit on the class path (loaded once per JVM). */
  public static Registry get() {
    Registry r = loaded;
    if (r == null) {
      synchronized (Registry.class) {
        r = loaded;
        if (r == null) {
          // Spark runs tasks with the jars of --jars on the thread's context class loader.
          ClassLoader cl = Thread.currentThread().getContextClassLoader();
          r = new Registry(discover(FamilyUnit.class, cl), discover(SolverUnit.class, cl));
          if (r.families.isEmpty() || r.solvers.isEmpty()) {
            throw new IllegalStateException("no built-in families or solvers found: the files under"
                + " META-INF/services/ of BasinBench's jar are missing from the class path");
          }
          loaded = r;
        }
      }
    }
    return r;
  }

  /** A registry of exactly these units (tests). */
  public static Registry of(List<FamilyUnit> families, List<SolverUnit> solvers) {
    return new Registry(families, solvers);
  }

  /** The units of a service on the class path of {@code cl} (or of this class when null). */
  static <T> List<T> discover(Class<T> service, ClassLoader cl) {
    List<T> all = new ArrayList<>();
    ServiceLoader.load(service, cl == null ? Registry.class.getClassLoader() : cl).forEach(all::add);
    List<T> own = all.stream().filter(Registry::builtIn).toList();
    List<T> others = new ArrayList<>(all.stream().filter(u -> !builtIn(u)).toList());
    others.sort(Comparator.comparing(u -> u.getClass().getName()));
    List<T> out = new ArrayList<>(own);
    out.addAll(others);
    return out;
  }

  private static boolean builtIn(Object unit) {
    return unit.getClass().getName().startsWith("org.basinbench.");
  }

  /** The families by name, built-in first. */
  public Map<String, FamilyUnit> families() {
    return Collections.unmodifiableMap(families);
  }

  /** The solvers by name, built-in first. */
  public Map<String, SolverUnit> solvers() {
    return Collections.unmodifiableMap(solvers);
  }

  /** The units that are not BasinBench's own ("family x (class)" lines), for the manifest and listings. */
  public List<String> extensions() {
    List<String> out = new ArrayList<>();
    families.values().stream().filter(u -> !builtIn(u))
        .forEach(u -> out.add("family " + u.name() + " (" + u.getClass().getName() + ")"));
    solvers.values().stream().filter(u -> !builtIn(u))
        .forEach(u -> out.add("solver " + u.name() + " (" + u.getClass().getName() + ")"));
    return out;
  }

  /** Every parameter column of the registered units. */
  public ColumnCatalogue catalogue() {
    return catalogue;
  }
}
