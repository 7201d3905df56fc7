package org.basinbench.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.basinbench.run.Capabilities;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;

/**
 * Every registered unit against what it declares, over every cell of every spec in jobs/: a
 * family or solver that fills a column it does not declare, or declares one that none of its
 * cells fills, fails here rather than in a run; so does an instance whose built problem lacks
 * (or has) a capability it does (not) declare.
 */
class UnitCatalogueTest {

  private static List<Experiment> jobs() throws IOException, SpecException {
    List<Experiment> all = new java.util.ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("jobs"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        all.addAll(SpecParser.parseFile(f));
      }
    }
    return all;
  }

  @Test
  void everyUnitFillsExactlyTheColumnsItDeclares() throws Exception {
    Registry registry = Registry.get();
    Map<String, Set<Column>> filledByFamily = new HashMap<>();
    Map<String, Set<Column>> filledBySolver = new HashMap<>();
    for (Experiment e : jobs()) {
      for (Cell c : e.cells()) {
        // values() checks each value against its unit's declared columns and the catalogue.
        Object[] row = registry.catalogue().values(c);
        assertEquals(registry.catalogue().columns().size(), row.length);
        ColumnValues iv = new ColumnValues();
        c.instance().columns(iv);
        filledByFamily.computeIfAbsent(c.instance().family(), k -> new HashSet<>()).addAll(iv.asMap().keySet());
        ColumnValues sv = new ColumnValues();
        c.solver().columns(sv);
        filledBySolver.computeIfAbsent(c.solver().name(), k -> new HashSet<>()).addAll(sv.asMap().keySet());
      }
    }
    for (FamilyUnit f : registry.families().values()) {
      assertTrue(filledByFamily.containsKey(f.name()), "no job in jobs/ uses family " + f.name()
          + ": add one, so that its columns are checked");
      assertEquals(Set.copyOf(f.columns()), filledByFamily.get(f.name()), "columns declared vs filled: " + f.name());
    }
    for (SolverUnit s : registry.solvers().values()) {
      assertTrue(filledBySolver.containsKey(s.name()), "no job in jobs/ uses solver " + s.name());
      assertEquals(Set.copyOf(s.columns()), filledBySolver.get(s.name()), "columns declared vs filled: " + s.name());
    }
  }

  @Test
  void aColumnFilledButNotDeclaredIsRefused() {
    ColumnValues v = new ColumnValues("family \"x\"", Set.of(Columns.N));
    v.put(Columns.N, 3);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v.put(Columns.ALPHA, 0.5));
    assertTrue(e.getMessage().contains("alpha") && e.getMessage().contains("does not declare"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ColumnValues().put(Columns.N, 3.0),
        "an int column refuses a double");
  }

  @Test
  void everyBuiltInColumnIsDeclaredByAUnitAndTheOrderIsTheTables() {
    ColumnCatalogue cat = Registry.get().catalogue();
    assertEquals(Columns.BUILT_IN, cat.columns().subList(0, Columns.BUILT_IN.size()),
        "built-in columns keep the published table order");
    Set<Column> declared = new HashSet<>(Columns.INIT_COLUMNS);
    Registry.get().families().values().forEach(f -> declared.addAll(f.columns()));
    Registry.get().solvers().values().forEach(s -> declared.addAll(s.columns()));
    for (Column c : Columns.BUILT_IN) {
      assertTrue(declared.contains(c), c.name() + " is in the vocabulary but no unit declares it");
    }
  }

  @Test
  void builtProblemsHaveTheCapabilitiesTheirInstancesDeclare() throws Exception {
    Set<String> checked = new HashSet<>();
    for (Experiment e : jobs()) {
      for (Cell c : e.cells()) {
        if (checked.add(c.instance().canonicalKey()) && c.instance().flopsPerIteration() < 1e8) {
          Capabilities.check(c.instance(), c.instance().problem(new SplitMix64(1)));
        }
      }
    }
    assertFalse(checked.isEmpty());
  }

  @Test
  void aNameRegisteredTwiceIsRefused() {
    FamilyUnit f = Registry.get().families().values().iterator().next();
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> Registry.of(List.of(f, f), List.of()));
    assertTrue(e.getMessage().contains("registered twice"), e.getMessage());
  }
}
