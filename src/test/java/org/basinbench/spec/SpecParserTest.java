package org.basinbench.spec;

import org.basinbench.algorithm.Sgd;

import org.basinbench.algorithm.Pgd;

import org.basinbench.family.Counterexample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.basinbench.rng.InitDistribution;
import org.junit.jupiter.api.Test;

class SpecParserTest {
  /** The example of the foundation issue, verbatim. */
  static final String EXAMPLE = """
      {
        "experiment": "nonneg-delta-sweep",
        "seed": 7,
        "trials": 1000,
        "instance": {"family": "nonneg-counterexample", "variant": "symmetric",
                     "n": 4, "rStar": 1, "r": [1, 2], "alpha": [0.2, 0.5, 0.9], "epsilon": 0.5},
        "init": {"kind": "half-normal", "scale": 0.5},
        "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 4000, "tol": 1e-8}],
        "success": {"relError": 1e-3}
      }
      """;

  static Experiment one(String json) throws SpecException {
    List<Experiment> es = SpecParser.parse(json, "t.json");
    assertEquals(1, es.size());
    return es.get(0);
  }

  /** All problems of an invalid spec. */
  static List<String> problems(String json) {
    SpecException e = assertThrows(SpecException.class, () -> SpecParser.parse(json, "t.json"));
    return e.problems();
  }

  static void assertProblem(List<String> problems, String... fragments) {
    boolean found = problems.stream().anyMatch(p -> {
      for (String f : fragments) {
        if (!p.contains(f)) {
          return false;
        }
      }
      return true;
    });
    assertTrue(found, "no problem contains " + List.of(fragments) + " in " + problems);
  }

  /** The example with one field replaced: {@code "instance": {...}} etc. by plain text substitution. */
  static String with(String from, String to) {
    assertTrue(EXAMPLE.contains(from), from);
    return EXAMPLE.replace(from, to);
  }

  @Test
  void exampleExpandsToTheFeasibleCartesianProduct() throws SpecException {
    Experiment e = one(EXAMPLE);
    assertEquals("nonneg-delta-sweep", e.name());
    assertEquals(7, e.seed());
    assertEquals(1000, e.trials());
    // 2 ranks x 3 alphas = 6 combinations; r = 2, alpha = 0.9 has delta = 0.81 sqrt(3) > 1.
    assertEquals(5, e.cells().size());
    assertEquals(1, e.notes().size());
    assertTrue(e.notes().get(0).contains("delta=1.40296"), e.notes().get(0));
    assertEquals(5000, e.totalTrials());
    for (Cell c : e.cells()) {
      Counterexample.Spec p = (Counterexample.Spec) c.instance();
      assertTrue(p.delta() < 1);
      assertEquals(0.5, ((InitDistribution.HalfNormal) c.init()).scale());
      Pgd.Fixed pgd = (Pgd.Fixed) c.solver();
      assertEquals(0.05, pgd.config().step());
      assertEquals(4000, pgd.config().maxIter());
      assertEquals(1e-8, pgd.config().tol());
    }
    // Last axis fastest: r = 1 with alpha 0.2, 0.5, 0.9, then r = 2 with alpha 0.2, 0.5.
    double[] alphas = e.cells().stream()
        .mapToDouble(c -> ((Counterexample.Spec) c.instance()).alpha()).toArray();
    assertEquals(List.of(0.2, 0.5, 0.9, 0.2, 0.5), java.util.Arrays.stream(alphas).boxed().toList());
    assertEquals(1e-3, e.success().relError());
    assertEquals(SuccessCriteria.DEFAULT_SPURIOUS_DIST, e.success().spuriousDist());
    assertEquals(64, e.specHash().length());
  }

  @Test
  void cellIdsAndSeedsDoNotDependOnTheRestOfTheGrid() throws SpecException {
    Experiment a = one(EXAMPLE);
    Experiment b = one(with("\"alpha\": [0.2, 0.5, 0.9]", "\"alpha\": [0.1, 0.5]"));
    Cell a05 = a.cells().get(1);
    Cell b05 = b.cells().get(1);
    assertEquals(0.5, ((Counterexample.Spec) b05.instance()).alpha());
    assertEquals(a05.cellId(), b05.cellId());
    assertEquals(a05.pointKey(), b05.pointKey());
    Set<String> ids = a.cells().stream().map(Cell::cellId).collect(Collectors.toSet());
    assertEquals(a.cells().size(), ids.size(), "cell ids are unique");
  }

  @Test
  void solversOfAGridPointShareItsPointKey() throws SpecException {
    Experiment e = one(with("\"solvers\": [{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}]",
        "\"solvers\": [{\"name\": \"pgd\", \"step\": [0.01, 0.05]}]"));
    assertEquals(10, e.cells().size());
    Cell first = e.cells().get(0);
    Cell second = e.cells().get(1);
    assertEquals(first.pointKey(), second.pointKey(), "same instance and init, different step");
    assertNotEquals(first.cellId(), second.cellId());
    assertEquals(10_000, ((Pgd.Fixed) first.solver()).config().maxIter(), "default maxIter");
  }

  @Test
  void specHashIgnoresKeyOrderButNotValues() throws SpecException {
    String reordered = """
        {"seed": 7, "experiment": "nonneg-delta-sweep", "trials": 1000,
         "init": {"scale": 0.5, "kind": "half-normal"},
         "instance": {"variant": "symmetric", "family": "nonneg-counterexample",
                      "n": 4, "rStar": 1, "r": [1, 2], "alpha": [0.2, 0.5, 0.9], "epsilon": 0.5},
         "solvers": [{"name": "pgd", "step": 0.05, "maxIter": 4000, "tol": 1e-8}],
         "success": {"relError": 1e-3}}
        """;
    assertEquals(one(EXAMPLE).specHash(), one(reordered).specHash());
    assertNotEquals(one(EXAMPLE).specHash(), one(with("\"seed\": 7", "\"seed\": 8")).specHash());
  }

  @Test
  void severalExperimentsPerFile() throws SpecException {
    String two = "[" + EXAMPLE + "," + EXAMPLE.replace("nonneg-delta-sweep", "second") + "]";
    assertEquals(List.of("nonneg-delta-sweep", "second"),
        SpecParser.parse(two, "t.json").stream().map(Experiment::name).toList());
    assertProblem(problems("[" + EXAMPLE + "," + EXAMPLE + "]"), "$[1].experiment", "duplicate experiment name");
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    List<String> p = problems("{\n  \"experiment\": \"x\",\n  \"seed\": 7,,\n}");
    assertEquals(1, p.size());
    assertProblem(p, "t.json: malformed JSON at line 3, column 13");
  }

  @Test
  void emptyFileAndWrongRoot() {
    assertProblem(problems("   "), "empty file");
    assertProblem(problems("42"), "$", "expected an experiment object or an array");
  }

  @Test
  void unknownFieldSuggestsTheClosestName() {
    assertProblem(problems(with("\"epsilon\": 0.5", "\"epsilon\": 0.5, \"apha\": 1")), "$.instance.apha",
        "unknown field", "did you mean \"alpha\"");
    assertProblem(problems(with("\"seed\": 7", "\"seed\": 7, \"trails\": 3")), "$.trails", "did you mean \"trials\"");
    assertProblem(problems(with("\"name\": \"pgd\"", "\"name\": \"pdg\"")), "$.solvers[0].name",
        "did you mean \"pgd\"");
    assertProblem(problems(with("\"family\": \"nonneg-counterexample\"", "\"family\": \"nonneg-counterexampel\"")),
        "$.instance.family", "did you mean \"nonneg-counterexample\"");
  }

  @Test
  void theorem2NeedsRPlusRStarAtMostN() {
    List<String> p = problems(with("\"n\": 4, \"rStar\": 1, \"r\": [1, 2]", "\"n\": 3, \"rStar\": 1, \"r\": 3"));
    assertProblem(p, "$.instance", "r + rStar must be <= n", "Theorem 2", "n=3, rStar=1, r=3");
    assertProblem(problems(with("\"rStar\": 1, \"r\": [1, 2]", "\"rStar\": 2, \"r\": 1")), "r must be >= rStar");
  }

  @Test
  void deltaAtLeastOneIsRejectedWhenNotSwept() {
    // alpha = 0.9, r = 2, rStar = 1, eps = 0.5: delta = 0.81 sqrt(3) = 1.403.
    List<String> p = problems(with("\"r\": [1, 2], \"alpha\": [0.2, 0.5, 0.9]", "\"r\": 2, \"alpha\": 0.9"));
    assertProblem(p, "$.instance", "delta = alpha^2 sqrt(r/rStar + 2 epsilon^2 r) must be < 1", "delta=1.40296");
    // A sweep with no feasible combination at all is an error too.
    assertProblem(problems(with("\"r\": [1, 2], \"alpha\": [0.2, 0.5, 0.9]", "\"r\": 2, \"alpha\": [0.9, 1.0]")),
        "every combination of the sweep is invalid");
  }

  @Test
  void alphaSoSmallThatItsFourthPowerUnderflowsIsRejected() {
    assertProblem(problems(with("\"alpha\": [0.2, 0.5, 0.9]", "\"alpha\": 1e-200")), "$.instance",
        "alpha must be >= 1.0E-75");
  }

  @Test
  void nonPositiveValuesNameTheFieldAndTheRange() {
    assertProblem(problems(with("\"alpha\": [0.2, 0.5, 0.9]", "\"alpha\": [0.2, -0.5]")), "$.instance.alpha[1]",
        "must be a number > 0", "got -0.5");
    assertProblem(problems(with("\"epsilon\": 0.5", "\"epsilon\": 0")), "$.instance.epsilon", "a number > 0");
    assertProblem(problems(with("\"trials\": 1000", "\"trials\": 0")), "$.trials", "an integer in [1, 100000000]");
    assertProblem(problems(with("\"step\": 0.05", "\"step\": -1")), "$.solvers[0].step", "a number > 0");
    assertProblem(problems(with("\"scale\": 0.5", "\"scale\": 0")), "$.init.scale", "a number > 0");
    assertProblem(problems(with("\"n\": 4", "\"n\": 100000")), "$.instance.n", "an integer in [2, 512]");
  }

  @Test
  void missingFieldsAreNamed() {
    List<String> p = problems("{\"experiment\": \"x\", \"instance\": {\"family\": \"nonneg-counterexample\"},"
        + " \"init\": {\"kind\": \"half-normal\"}, \"solvers\": [{\"name\": \"pgd\"}]}");
    assertProblem(p, "$.seed", "missing required field");
    assertProblem(p, "$.trials", "missing required field", "an integer in [1, 100000000]");
    assertProblem(p, "$.instance.n", "missing required field");
    assertProblem(p, "$.instance.alpha", "missing required field", "a number > 0");
    assertProblem(p, "$.solvers[0].step", "missing required field");
    assertTrue(p.size() >= 8, "every problem at once: " + p);
  }

  @Test
  void wrongTypesAreNamed() {
    assertProblem(problems(with("\"n\": 4", "\"n\": 4.5")), "$.instance.n", "must be an integer");
    assertProblem(problems(with("\"n\": 4", "\"n\": \"4\"")), "$.instance.n", "must be an integer");
    assertProblem(problems(with("\"epsilon\": 0.5", "\"epsilon\": \"half\"")), "$.instance.epsilon",
        "got the string \"half\"");
    assertProblem(problems(with("\"seed\": 7", "\"seed\": [1, 2]")), "$.seed", "cannot be swept");
    assertProblem(problems(with("[{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}]",
        "{\"name\": \"pgd\"}")), "$.solvers", "must be an array");
    assertProblem(problems(with("\"experiment\": \"nonneg-delta-sweep\"", "\"experiment\": \"../etc\"")),
        "$.experiment", "safe identifier");
    // Partition values must never read back as numbers: "007" and "7" would collide.
    assertProblem(problems(with("\"experiment\": \"nonneg-delta-sweep\"", "\"experiment\": \"007\"")),
        "$.experiment", "starting with a letter");
    assertProblem(problems(with("\"experiment\": \"nonneg-delta-sweep\"", "\"experiment\": \"Infinity\"")),
        "$.experiment", "not a number");
  }

  @Test
  void emptyAndRepeatedSweepsAreRejected() {
    assertProblem(problems(with("\"r\": [1, 2]", "\"r\": []")), "$.instance.r", "empty list");
    assertProblem(problems(with("\"alpha\": [0.2, 0.5, 0.9]", "\"alpha\": [0.2, 0.2]")), "$.instance.alpha[1]",
        "repeats the value");
    assertProblem(problems(with("\"solvers\": [{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}]",
        "\"solvers\": [{\"name\": \"pgd\", \"step\": 0.05}, {\"name\": \"pgd\", \"step\": 0.05}]")),
        "$.solvers[1]", "repeats a configuration already given at $.solvers[0]");
    assertProblem(problems(with("\"solvers\": [{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}]",
        "\"solvers\": []")), "$.solvers", "at least one solver");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String bad = EXAMPLE.replace("\"trials\": 1000", "\"trials\": -1").replace("\"step\": 0.05", "\"step\": 0")
        .replace("\"epsilon\": 0.5", "\"epsilon\": 0.5, \"colour\": 1");
    List<String> p = problems(bad);
    assertProblem(p, "$.trials");
    assertProblem(p, "$.solvers[0].step");
    assertProblem(p, "$.instance.colour");
  }

  @Test
  void integralDoublesAreAcceptedAsIntegers() throws SpecException {
    assertEquals(100_000, one(with("\"trials\": 1000", "\"trials\": 1e5")).trials());
  }

  static final String ASYM = """
      {"experiment": "a", "seed": 1, "trials": 5,
       "instance": {"family": "nonneg-counterexample", "variant": "asymmetric", "n": 4, "rStar": 1, "r": 1,
                    "alpha": 0.5, "epsilon": 0.5, "lambda": [0, 0.25]},
       "init": {"kind": "half-normal"}, "solvers": [{"name": "pgd", "step": 0.05}]}
      """;

  @Test
  void asymmetricVariantSweepsLambdaAndNeedsIt() throws SpecException {
    Experiment e = one(ASYM);
    assertEquals(2, e.cells().size());
    assertEquals(0.25, ((Counterexample.Spec) e.cells().get(1).instance()).lambda());
    assertProblem(problems(ASYM.replace(", \"lambda\": [0, 0.25]", "")), "$.instance.lambda",
        "missing required field", "asymmetric variant needs");
    assertProblem(problems(ASYM.replace("asymmetric", "symmetric")), "$.instance.lambda",
        "applies to the asymmetric variant only");
    assertProblem(problems(ASYM.replace("[0, 0.25]", "-1")), "$.instance.lambda", "a number >= 0");
  }

  @Test
  void identityOperatorTakesNoAlphaAndTheorem2NeedsIt() throws SpecException {
    String identity = ASYM.replace("\"alpha\": 0.5, \"epsilon\": 0.5, ", "")
        .replace("\"variant\"", "\"operator\": \"identity\", \"variant\"");
    Experiment e = one(identity);
    assertEquals(0.0, ((Counterexample.Spec) e.cells().get(0).instance()).delta());
    assertProblem(problems(ASYM.replace("\"variant\"", "\"operator\": \"identity\", \"variant\"")),
        "$.instance.alpha", "applies to operator \"theorem2\" only");
    assertProblem(problems(ASYM.replace("\"alpha\": 0.5, ", "")), "$.instance.alpha", "missing required field");
    assertProblem(problems(ASYM.replace("\"variant\"", "\"operator\": \"identy\", \"variant\"")),
        "$.instance.operator", "did you mean \"identity\"");
  }

  @Test
  void ripHalfTakesNoParametersAndOnlyUnconstrainedSolvers() throws SpecException {
    String rip = """
        {"experiment": "rip", "seed": 1, "trials": 5, "instance": {"family": "rip-half"},
         "init": {"kind": "gaussian", "scale": 0.5}, "solvers": [{"name": "gd", "step": 0.01}]}
        """;
    assertEquals(1, one(rip).cells().size());
    assertProblem(problems(rip.replace("\"rip-half\"}", "\"rip-half\", \"n\": 3}")), "$.instance.n",
        "unknown field");
    assertProblem(problems(rip.replace("\"gd\"", "\"pgd\"")), "$.solvers[0].name", "keeps the variable >= 0",
        "solved without constraints", "use \"gd\"");
    // gd on a nonnegative family is the no-constraint baseline, and allowed.
    assertEquals(2, one(ASYM.replace("\"pgd\"", "\"gd\"")).cells().size());
  }

  /** Every shipped job validates (and states what it reproduces). */
  @Test
  void everyJobInTheJobsFolderIsValid() throws Exception {
    java.nio.file.Path jobs = java.nio.file.Path.of("jobs");
    List<java.nio.file.Path> files;
    try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(jobs)) {
      files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 4, files.toString());
    for (java.nio.file.Path f : files) {
      for (Experiment e : SpecParser.parseFile(f)) {
        assertTrue(e.description().length() > 40, f + ": " + e.name() + " says what it reproduces");
        assertTrue(e.totalTrials() > 0);
      }
    }
  }

  @Test
  void randomFamiliesValidateTheirParameters() throws SpecException {
    String nmf = """
        {"experiment": "nmf", "seed": 1, "trials": 4,
         "instance": {"family": "planted-nmf", "n": 6, "m": 5, "rStar": 2, "r": 2, "p": 0.5, "draws": 4},
         "init": {"kind": "half-normal"}, "solvers": [{"name": "pgd", "step": 0.01}]}
        """;
    Experiment e = one(nmf);
    assertEquals(4, e.cells().get(0).instance().draws());
    assertProblem(problems(nmf.replace("\"p\": 0.5", "\"p\": 1.5")), "$.instance.p", "a number in (0, 1]");
    assertProblem(problems(nmf.replace("\"rStar\": 2, \"r\": 2", "\"rStar\": 6, \"r\": 6")),
        "rStar must be <= min(n, m)");
    assertProblem(problems(nmf.replace("\"draws\": 4", "\"draws\": 0")), "$.instance.draws", "an integer in [1,");
    assertProblem(problems(nmf.replace("{\"kind\": \"half-normal\"}", "{\"kind\": \"near\", \"point\": \"spurious\"}")),
        "$.init.point", "needs a catalogued spurious point");
    String gauss = """
        {"experiment": "g", "seed": 1, "trials": 4,
         "instance": {"family": "gaussian-sensing", "n": 8, "rStar": 1, "r": 1, "m": 40},
         "init": {"kind": "near"}, "solvers": [{"name": "pgd", "step": 0.01}]}
        """;
    assertEquals(1, one(gauss).cells().size());
    assertProblem(problems(gauss.replace("\"m\": 40", "\"m\": 1000000, \"n\": 200").replace("\"n\": 8, ", "")),
        "operator entries");
    assertProblem(problems(gauss.replace("\"m\": 40", "\"mm\": 40")), "$.instance.mm", "did you mean \"m\"");
  }

  @Test
  void robustSensingValidatesItsOutlierFraction() throws SpecException {
    String robust = """
        {"experiment": "rob", "seed": 1, "trials": 4,
         "instance": {"family": "robust-sensing", "n": 6, "rStar": 1, "r": 1, "m": 30, "p": [0.0, 0.3]},
         "init": {"kind": "half-normal", "scale": 0.01},
         "solvers": [{"name": "subgradient", "step": 0.5, "decay": 0.998, "maxIter": 100}]}
        """;
    assertEquals(2, one(robust).cells().size());
    assertProblem(problems(robust.replace("[0.0, 0.3]", "1.0")), "$.instance", "outlier fraction) must be < 1");
    assertProblem(problems(robust.replace("[0.0, 0.3]", "-0.1")), "$.instance.p", "a number >= 0");
    assertProblem(problems(robust.replace("\"m\": 30", "\"m\": 30, \"outlierScale\": 0")), "$.instance.outlierScale",
        "a number > 0");
    assertProblem(problems(robust.replace("\"decay\": 0.998", "\"decay\": 1.5")), "$.solvers[0].decay",
        "a number in (0, 1]");
    assertProblem(problems(robust.replace("\"maxIter\": 100", "\"maxIter\": 100, \"constraint\": \"box\"")),
        "$.solvers[0].constraint", "one of \"nonnegative\", \"none\"");
  }

  @Test
  void solversThatCannotSolveAFamilyAreRejectedWithTheReason() throws SpecException {
    String robust = """
        {"experiment": "rob", "seed": 1, "trials": 4,
         "instance": {"family": "robust-sensing", "n": 6, "rStar": 1, "r": 1, "m": 30},
         "init": {"kind": "half-normal", "scale": 0.01},
         "solvers": [SOLVER]}
        """;
    for (String solver : new String[] {"{\"name\": \"pgd\", \"step\": 0.1}", "{\"name\": \"sgd\", \"step\": 0.1}",
        "{\"name\": \"gd\", \"step\": 0.1}"}) {
      assertProblem(problems(robust.replace("SOLVER", solver)), "$.solvers[0].name", "needs a gradient",
          "nonsmooth (l1)", "use \"subgradient\"");
    }
    String alternating = EXAMPLE.replace("\"tol\": 1e-8}", "\"tol\": 1e-8, \"blocks\": \"alternating\"}");
    assertProblem(problems(alternating), "$.solvers[0].blocks", "has one factor",
        "planted-nmf and the asymmetric counterexample");
    assertEquals(5, one(alternating.replace("\"variant\": \"symmetric\"", "\"variant\": \"asymmetric\", \"lambda\": 0.5"))
        .cells().size(), "the asymmetric variant has two factors");
    String sgd = EXAMPLE.replace("{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}",
        "{\"name\": \"sgd\", \"step\": 0.01, \"batch\": [1, 4], \"relTol\": 1e-6, \"stallWindow\": 100}");
    Experiment e = one(sgd);
    assertEquals(10, e.cells().size(), "sgd is the no-constraint baseline on nonnegative families; batch sweeps");
    Sgd.Spec s = (Sgd.Spec) e.cells().get(1).solver();
    assertEquals(4, s.config().batch());
    assertEquals(1e-6, s.config().stop().relTol());
    assertEquals(100, s.config().stop().stallWindow());
    assertEquals(1e-6, s.config().stop().stallTol(), "default stall tolerance");
    assertProblem(problems(sgd.replace("\"batch\": [1, 4]", "\"batch\": 0")), "$.solvers[0].batch", "an integer in [1,");
    assertProblem(problems(sgd.replace("\"relTol\": 1e-6", "\"relTol\": 1")), "$.solvers[0].relTol",
        "a number in [0, 0.99]");
    assertProblem(problems(sgd.replace("\"stallWindow\": 100", "\"stallWindow\": -1")), "$.solvers[0].stallWindow",
        "an integer in [0,");
    assertProblem(problems(EXAMPLE.replace("\"trials\": 1000", "\"trials\": 1000, \"trajectories\": \"yes\"")),
        "$.trajectories", "must be true or false");
    assertTrue(one(EXAMPLE.replace("\"trials\": 1000", "\"trials\": 1000, \"trajectories\": true")).trajectories());
  }

  @Test
  void statisticsNameSegmentKindsTheFamilyCanMeasure() throws SpecException {
    String base = EXAMPLE.replace("\"trials\": 1000", "\"trials\": 1000, \"statistics\": {\"segments\": KINDS}");
    Experiment e = one(base.replace("KINDS", "[\"init-to-found\", \"random-random\", \"init-to-spurious\"]"));
    assertEquals(List.of(SegmentKind.INIT_TO_FOUND, SegmentKind.RANDOM_RANDOM, SegmentKind.INIT_TO_SPURIOUS),
        e.segments());
    assertTrue(one(EXAMPLE).segments().isEmpty(), "no statistics unless asked");
    assertProblem(problems(base.replace("KINDS", "[\"random-to-trut\"]")), "$.statistics.segments[0]",
        "must be one of", "did you mean \"random-to-truth\"");
    assertProblem(problems(base.replace("KINDS", "[\"init-to-found\", \"init-to-found\"]")),
        "$.statistics.segments[1]", "repeats");
    assertProblem(problems(base.replace("KINDS", "\"init-to-found\"")), "$.statistics.segments", "must be an array");
    assertProblem(problems(base.replace("{\"segments\": KINDS}", "{\"segmnts\": []}")), "$.statistics.segmnts",
        "unknown field");
    String planted = """
        {"experiment": "p", "seed": 1, "trials": 2, "statistics": {"segments": ["init-to-spurious"]},
         "instance": {"family": "planted-nmf", "n": 6, "m": 5, "rStar": 2, "r": 2},
         "init": {"kind": "half-normal"}, "solvers": [{"name": "hals"}]}
        """;
    assertProblem(problems(planted), "$.statistics.segments", "\"init-to-spurious\" needs a catalogued spurious point");
  }

  @Test
  void nmfSolversApplyToNmfFamiliesOnly() throws SpecException {
    String nmf = """
        {"experiment": "n", "seed": 1, "trials": 2,
         "instance": {"family": "planted-nmf", "n": 6, "m": 5, "rStar": 2, "r": 2},
         "init": {"kind": "half-normal"},
         "solvers": [{"name": "mu"}, {"name": "hals", "maxIter": 50}, {"name": "pgd", "step": 1, "stepRule": "armijo"}]}
        """;
    Experiment e = one(nmf);
    assertEquals(3, e.cells().size());
    assertTrue(e.cells().get(2).solver() instanceof Pgd.Armijo, "stepRule armijo binds the Armijo solver");
    assertProblem(problems(ASYM.replace("{\"name\": \"pgd\", \"step\": 0.05}", "{\"name\": \"hals\"}")),
        "$.solvers[0].name", "\"hals\" applies to planted-nmf and matrix-file only");
    assertProblem(problems(ASYM.replace("{\"name\": \"pgd\", \"step\": 0.05}", "{\"name\": \"mu\"}")),
        "$.solvers[0].name", "\"mu\" applies to planted-nmf, matrix-file and the symmetric sensing problems");
    // MU on the symmetric counterexample is the split-gradient form, and allowed.
    assertEquals(1, one(EXAMPLE.replace("{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}",
        "{\"name\": \"mu\"}")).cells().size() / 5);
    assertProblem(problems(nmf.replace("\"stepRule\": \"armijo\"", "\"stepRule\": \"wolfe\"")),
        "$.solvers[2].stepRule", "one of \"fixed\", \"armijo\"");
    assertProblem(problems(nmf.replace("{\"name\": \"mu\"}", "{\"name\": \"mu\", \"eps\": 0}")),
        "$.solvers[0].eps", "a number > 0");
    assertProblem(problems(nmf.replace("{\"name\": \"mu\"}", "{\"name\": \"gd\", \"step\": 1, \"stepRule\": \"armijo\"}")),
        "$.solvers[0].stepRule", "unknown field");
  }

  @Test
  void theSafeguardIsForPgdAndMu() throws SpecException {
    String base = EXAMPLE.replace("{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}",
        "{\"name\": \"pgd\", \"step\": 0.05, \"threshold\": [0.3, 0.95]}");
    Experiment e = one(base);
    assertEquals(10, e.cells().size(), "threshold is sweepable");
    assertEquals(0.95, ((Pgd.Fixed) e.cells().get(1).solver()).safeguard().tau());
    assertEquals(10, one(base.replace("\"threshold\"", "\"stepRule\": \"armijo\", \"threshold\"")).cells().size(),
        "both step rules take the safeguard");
    assertProblem(problems(base.replace("\"name\": \"pgd\", \"step\": 0.05,", "\"name\": \"gd\", \"step\": 0.05,")),
        "$.solvers[0].threshold", "unknown field");
    assertProblem(problems(base.replace("\"name\": \"pgd\", \"step\": 0.05,", "\"name\": \"hals\",")),
        "$.solvers[0].threshold", "unknown field");
    assertEquals(10, one(base.replace("\"name\": \"pgd\", \"step\": 0.05,", "\"name\": \"mu\",")).cells().size(),
        "mu takes the safeguard");
    assertProblem(problems(base.replace("[0.3, 0.95]", "0")), "$.solvers[0].threshold", "a number > 0");
  }

  @Test
  void interpolateSweepsGammaInTheUnitInterval() throws SpecException {
    String base = EXAMPLE.replace("{\"kind\": \"half-normal\", \"scale\": 0.5}",
        "{\"kind\": \"interpolate\", \"gamma\": [0, 0.5, 1]}");
    assertEquals(15, one(base).cells().size(), "5 instances x 3 gammas");
    assertProblem(problems(base.replace("[0, 0.5, 1]", "1.5")), "$.init.gamma", "a number in [0, 1]");
    assertProblem(problems(base.replace(", \"gamma\": [0, 0.5, 1]", "")), "$.init.gamma", "missing required field");
  }

  /** A zip group varies its fields together: 3 (alpha, epsilon) points x 2 ranks = 6 cells, not 18. */
  @Test
  void zipGroupsVaryTogetherInsteadOfTheCartesianProduct() throws SpecException {
    Experiment e = one(with("\"alpha\": [0.2, 0.5, 0.9], \"epsilon\": 0.5",
        "\"alpha\": [0.2, 0.5, 0.5], \"epsilon\": [0.9, 0.5, 0.1], \"zip\": [[\"alpha\", \"epsilon\"]]"));
    assertEquals(6, e.cells().size());
    Set<String> pairs = e.cells().stream().map(c -> {
      Counterexample.Spec ce = (Counterexample.Spec) c.instance();
      return ce.alpha() + "/" + ce.epsilon();
    }).collect(Collectors.toSet());
    assertEquals(Set.of("0.2/0.9", "0.5/0.5", "0.5/0.1"), pairs, "a zipped list may repeat a value");
    // Zip also works in solver sections.
    Experiment s = one(with("{\"name\": \"pgd\", \"step\": 0.05, \"maxIter\": 4000, \"tol\": 1e-8}",
        "{\"name\": \"pgd\", \"step\": [0.05, 0.1], \"maxIter\": [4000, 2000], \"zip\": [[\"step\", \"maxIter\"]]}"));
    assertEquals(2 * one(EXAMPLE).cells().size(), s.cells().size(), "2 zipped solver points per instance");
  }

  @Test
  void badZipGroupsAreReportedWithTheirPath() {
    assertProblem(problems(with("\"alpha\": [0.2, 0.5, 0.9], \"epsilon\": 0.5",
            "\"alpha\": [0.2, 0.5, 0.9], \"epsilon\": [0.5, 0.4], \"zip\": [[\"alpha\", \"epsilon\"]]")),
        "$.instance.zip", "same length", "alpha has 3 value(s), epsilon has 2");
    assertProblem(problems(with("\"epsilon\": 0.5", "\"epsilon\": 0.5, \"zip\": [[\"alpha\", \"epsilonn\"]]")),
        "$.instance.zip[0][1]", "did you mean \"epsilon\"");
    assertProblem(problems(with("\"epsilon\": 0.5", "\"epsilon\": 0.5, \"zip\": [[\"alpha\"]]")),
        "$.instance.zip[0]", "at least two");
    assertProblem(problems(with("\"epsilon\": 0.5",
        "\"epsilon\": [0.5, 0.6, 0.7], \"zip\": [[\"alpha\", \"epsilon\"], [\"epsilon\", \"r\"]]")),
        "$.instance.zip[1][0]", "already in a zip group");
    assertProblem(problems(with("\"alpha\": [0.2, 0.5, 0.9], \"epsilon\": 0.5",
            "\"alpha\": [0.2, 0.2], \"epsilon\": [0.5, 0.5], \"zip\": [[\"alpha\", \"epsilon\"]]")),
        "$.instance.zip", "repeats the point");
    assertProblem(problems(with("\"epsilon\": 0.5", "\"epsilon\": 0.5, \"zip\": \"alpha\"")),
        "$.instance.zip", "list of groups");
  }

  @Test
  void adaptiveTrialsAreValidated() throws SpecException {
    Experiment e = one(with("\"trials\": 1000,", "\"trials\": 1000, \"adaptive\": {\"halfWidth\": 0.01, \"maxTrials\": 50000},"));
    assertEquals(0.01, e.adaptive().halfWidth());
    assertEquals(50000, e.adaptive().maxTrials());
    assertEquals(null, one(EXAMPLE).adaptive());
    assertProblem(problems(with("\"trials\": 1000,", "\"trials\": 1000, \"adaptive\": {\"halfWidth\": 0.01, \"maxTrials\": 500},")),
        "$.adaptive.maxTrials", "must be >= trials (1000)");
    assertProblem(problems(with("\"trials\": 1000,", "\"trials\": 1000, \"adaptive\": {\"halfWidth\": 0.7, \"maxTrials\": 5000},")),
        "$.adaptive.halfWidth", "(0, 0.5]");
    assertProblem(problems(with("\"trials\": 1000,", "\"trials\": 1000, \"adaptive\": {\"maxTrials\": 5000},")),
        "$.adaptive.halfWidth", "missing required field");
  }

  /** The next round's size: at least double, the normal-approximation estimate when larger, capped. */
  @Test
  void adaptiveRoundSizes() {
    Adaptive a = new Adaptive(0.01, 100_000);
    assertEquals(1000, a.nextTrials(1000, 0, 0.005), "target met: done");
    assertEquals(5000, new Adaptive(0.01, 5000).nextTrials(5000, 2500, 0.0139), "cap reached: done");
    // p = 0.5: z^2 / 4 / 0.01^2 = 9604 trials needed.
    assertEquals(9604, a.nextTrials(1000, 498, 0.031));
    // p near 0: the estimate is small, so the count doubles.
    assertEquals(2000, a.nextTrials(1000, 0, 0.0019 + 0.01));
    assertEquals(100_000, new Adaptive(0.001, 100_000).nextTrials(1000, 500, 0.03), "capped");
  }
}
