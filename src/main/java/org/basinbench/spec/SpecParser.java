package org.basinbench.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import static org.basinbench.spec.Sections.kind;
import static org.basinbench.spec.Sections.quoteAll;
import static org.basinbench.spec.Sections.readSection;
import static org.basinbench.spec.Sections.sectionGrid;
import static org.basinbench.spec.Sections.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.basinbench.rng.InitDistribution;
import org.basinbench.rng.Seeds;

/**
 * Reads experiment specs: JSON to validated, expanded {@link Experiment}s.
 *
 * <p>A file holds one experiment object or an array of them. Any field marked sweepable may
 * be given as a list of values; the grid is the Cartesian product of the instance and init
 * lists (the grid points, which share seeds), times each solver's own lists. Validation
 * reports every problem in the file at once, each with its JSON path and allowed range.
 */
public final class SpecParser {
  /**
   * Names become directory names and the values of the {@code experiment} partition column:
   * portable, free of path syntax, and starting with a letter so that readers never infer a
   * number or a date from them ("007" and "7" would both read as 7).
   */
  static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9._-]{0,63}");

  /** Per-cell cap: 1e8 trials of even the smallest instance is days of CPU; split the study. */
  static final long MAX_TRIALS = 100_000_000L;
  /** Cell cap: the cell list is broadcast to every executor and must stay small. */
  static final int MAX_CELLS = 100_000;
  /** A cap on one experiment's size; a bigger study belongs in several experiments. */
  static final long MAX_TOTAL_TRIALS = 1_000_000_000L;

  /** Top-level key naming the JSON Schema for editors; ignored (and not part of the spec hash). */
  static final String SCHEMA_KEY = "$schema";

  static final List<Field> TOP = List.of(
      Field.string(SCHEMA_KEY, false, null, List.of()),
      Field.string("experiment", true, null, List.of()),
      Field.string("description", false, "", List.of()),
      new Field("seed", Field.Type.INTEGER, true, null, Double.NaN, false, Double.NaN, List.of(), false),
      Field.integer("trials", true, null, 1, MAX_TRIALS, false),
      Field.object("instance", true),
      Field.object("init", true),
      Field.array("solvers", true),
      Field.object("success", false),
      Field.object("statistics", false),
      Field.bool("trajectories", false),
      Field.object("adaptive", false),
      Field.object("certificates", false));

  /** The families' own bound on {@code draws}. */
  static final long MAX_CERTIFIED_DRAWS = 1_000_000L;

  /**
   * Certificates: the draws of each random instance (grid point of a random family) that get one,
   * draws 0..N-1 (at most the family's {@code draws}). Each costs a landscape check of its own
   * (hundreds of critical-cone directions at a large instance), so a family with many draws is
   * sampled, not certified in full.
   */
  static final List<Field> CERTIFICATES = List.of(
      Field.integer("draws", false, (long) Experiment.DEFAULT_CERTIFIED_DRAWS, 1, MAX_CERTIFIED_DRAWS, false));

  /** Adaptive trials: the interval's target half-width and the per-cell cap. */
  static final List<Field> ADAPTIVE = List.of(
      Field.number("halfWidth", true, null, 0, true, 0.5, false),
      Field.integer("maxTrials", true, null, 1, MAX_TRIALS, false));

  /**
   * The field tables of the registry's families, each led by its {@code family} tag: the
   * tagged sections the grid expands and the JSON Schema lists.
   */
  static Map<String, List<Field>> families(Registry registry) {
    Map<String, List<Field>> out = new LinkedHashMap<>();
    registry.families().forEach((name, unit) -> out.put(name, tagged("family", name, unit.fields())));
    return out;
  }

  /** The field tables of the registry's solvers, each led by its {@code name} tag. */
  static Map<String, List<Field>> solvers(Registry registry) {
    Map<String, List<Field>> out = new LinkedHashMap<>();
    registry.solvers().forEach((name, unit) -> out.put(name, tagged("name", name, unit.fields())));
    return out;
  }

  private static List<Field> tagged(String tag, String value, List<Field> fields) {
    List<Field> all = new ArrayList<>();
    all.add(Field.string(tag, true, null, List.of(value)));
    all.addAll(fields);
    return List.copyOf(all);
  }

  static final List<String> INIT_KINDS = List.of(InitDistribution.HalfNormal.KIND, InitDistribution.Uniform.KIND,
      InitDistribution.Gaussian.KIND, InitDistribution.Near.KIND, InitDistribution.Interpolate.KIND);

  static final Map<String, List<Field>> INITS = Map.of(
      InitDistribution.HalfNormal.KIND, List.of(
          Field.string("kind", true, null, INIT_KINDS),
          Field.number("scale", false, 1.0, 0, true, Double.NaN, true)),
      InitDistribution.Uniform.KIND, List.of(
          Field.string("kind", true, null, INIT_KINDS),
          Field.number("bound", false, 1.0, 0, true, Double.NaN, true)),
      InitDistribution.Gaussian.KIND, List.of(
          Field.string("kind", true, null, INIT_KINDS),
          Field.number("scale", false, 1.0, 0, true, Double.NaN, true)),
      InitDistribution.Near.KIND, List.of(
          Field.string("kind", true, null, INIT_KINDS),
          Field.string("point", false, InitDistribution.Near.TRUTH,
              List.of(InitDistribution.Near.TRUTH, InitDistribution.Near.SPURIOUS)),
          Field.number("scale", false, 1e-3, 0, true, Double.NaN, true)),
      InitDistribution.Interpolate.KIND, List.of(
          Field.string("kind", true, null, INIT_KINDS),
          Field.string("point", false, InitDistribution.Near.SPURIOUS,
              List.of(InitDistribution.Near.TRUTH, InitDistribution.Near.SPURIOUS)),
          Field.number("gamma", true, null, 0, false, 1.0, true),
          Field.number("scale", false, 0.5, 0, true, Double.NaN, true)));

  static final List<Field> STATISTICS = List.of(Field.array("segments", false));

  static final List<Field> SUCCESS = List.of(
      Field.number("relError", false, SuccessCriteria.DEFAULT_REL_ERROR, 0, true, Double.NaN, false),
      Field.number("spuriousDist", false, SuccessCriteria.DEFAULT_SPURIOUS_DIST, 0, true, Double.NaN, false),
      Field.number("lossGap", false, SuccessCriteria.DEFAULT_LOSS_GAP, 0, false, Double.NaN, false));

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private SpecParser() {}

  /**
   * Reads and validates a spec file. Data files it names (family {@code matrix-file}) are read
   * too, relative paths against the spec file's directory.
   */
  public static List<Experiment> parseFile(Path file) throws SpecException {
    return parseFile(file.toString(), FileSource.LOCAL);
  }

  /**
   * Reads and validates the spec at {@code location} of {@code files}; data files it names are
   * read from the same source, relative paths against the spec's directory.
   */
  public static List<Experiment> parseFile(String location, FileSource files) throws SpecException {
    String text;
    try (java.io.InputStream in = files.open(location)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SpecException(location + ": no such file");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new SpecException(location + ": cannot read: permission denied");
    } catch (IOException e) {
      throw new SpecException(location + ": cannot read: " + e.getMessage());
    }
    return parse(text, location, files, files.parent(location));
  }

  /**
   * Validates spec text; {@code source} names it in messages. Relative data paths resolve
   * against the working directory.
   */
  public static List<Experiment> parse(String text, String source) throws SpecException {
    return parse(text, source, FileSource.LOCAL, null);
  }

  /**
   * Validates spec text; {@code source} names it in messages, and relative data paths resolve
   * against {@code baseDir}.
   */
  public static List<Experiment> parse(String text, String source, Path baseDir) throws SpecException {
    return parse(text, source, FileSource.LOCAL, baseDir.toString());
  }

  /**
   * Validates spec text; {@code source} names it in messages; data files are read from
   * {@code files}, relative paths against the directory location {@code baseDir} (null: the
   * working directory).
   */
  public static List<Experiment> parse(String text, String source, FileSource files, String baseDir)
      throws SpecException {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
      // Jackson appends "(start marker at [Source: REDACTED ...; line: L, column: C])": keep the position only.
      String message = e.getOriginalMessage()
          .replaceAll("\\[Source: [^;]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
      throw new SpecException(source + ": malformed JSON" + where + ": " + message);
    }
    if (root == null || root.isMissingNode()) {
      throw new SpecException(source + ": empty file: expected an experiment object or an array of them");
    }
    Problems problems = new Problems(source);
    List<Experiment> out = new ArrayList<>();
    if (root.isObject()) {
      Experiment e = experiment(root, "$", source, files, baseDir, problems);
      if (e != null) {
        out.add(e);
      }
    } else if (root.isArray()) {
      if (root.isEmpty()) {
        problems.add("$", "an empty array holds no experiment");
      }
      Set<String> names = new HashSet<>();
      for (int i = 0; i < root.size(); i++) {
        Experiment e = experiment(root.get(i), "$[" + i + "]", source, files, baseDir, problems);
        if (e != null) {
          if (!names.add(e.name())) {
            problems.add("$[" + i + "].experiment", "duplicate experiment name \"" + e.name()
                + "\": each experiment writes its own tables, so names must be unique");
          }
          out.add(e);
        }
      }
    } else {
      problems.add("$", "expected an experiment object or an array of them, got " + kind(root));
    }
    problems.throwIfAny();
    return out;
  }

  private static Experiment experiment(JsonNode node, String path, String source, FileSource files,
      String baseDir, Problems p) {
    if (!node.isObject()) {
      p.add(path, "expected an experiment object, got " + kind(node));
      return null;
    }
    int before = p.size();
    Registry registry = Registry.get();
    Map<String, List<JsonNode>> top = readSection(node, path, TOP, p);
    String name = text(top, "experiment");
    if (name != null && (!SAFE_NAME.matcher(name).matches() || looksNumeric(name))) {
      p.add(path + ".experiment", "must be a safe identifier: letters, digits, '.', '_' or '-', starting with"
          + " a letter, at most 64 characters, and not a number such as NaN or Infinity (it names output"
          + " directories and partition values); got \"" + name + "\"");
    }
    List<Map<String, JsonNode>> instances = top.containsKey("instance")
        ? sectionGrid(top.get("instance").get(0), path + ".instance", "family", families(registry), p) : List.of();
    List<Map<String, JsonNode>> inits = top.containsKey("init")
        ? sectionGrid(top.get("init").get(0), path + ".init", "kind", INITS, p) : List.of();
    List<List<Map<String, JsonNode>>> solverGrids = new ArrayList<>();
    if (top.containsKey("solvers")) {
      JsonNode solvers = top.get("solvers").get(0);
      if (solvers.isEmpty()) {
        p.add(path + ".solvers", "needs at least one solver, e.g. {\"name\": \"pgd\", \"step\": 0.05}");
      }
      for (int i = 0; i < solvers.size(); i++) {
        solverGrids.add(sectionGrid(solvers.get(i), path + ".solvers[" + i + "]", "name", solvers(registry), p));
      }
    }
    SuccessCriteria success = null;
    JsonNode successNode = top.containsKey("success") ? top.get("success").get(0) : MAPPER.createObjectNode();
    Map<String, List<JsonNode>> s = readSection(successNode, path + ".success", SUCCESS, p);
    if (s.containsKey("relError") && s.containsKey("spuriousDist") && s.containsKey("lossGap")) {
      success = new SuccessCriteria(s.get("relError").get(0).doubleValue(), s.get("spuriousDist").get(0).doubleValue(),
          s.get("lossGap").get(0).doubleValue());
    }
    Adaptive adaptive = null;
    if (top.containsKey("adaptive")) {
      Map<String, List<JsonNode>> a = readSection(top.get("adaptive").get(0), path + ".adaptive", ADAPTIVE, p);
      if (a.containsKey("halfWidth") && a.containsKey("maxTrials") && top.containsKey("trials")) {
        int first = top.get("trials").get(0).intValue();
        int cap = a.get("maxTrials").get(0).intValue();
        if (cap < first) {
          p.add(path + ".adaptive.maxTrials", "must be >= trials (" + first + "), the first round of every cell;"
              + " got " + cap);
        } else {
          adaptive = new Adaptive(a.get("halfWidth").get(0).doubleValue(), cap);
        }
      }
    }
    JsonNode certNode = top.containsKey("certificates") ? top.get("certificates").get(0) : MAPPER.createObjectNode();
    Map<String, List<JsonNode>> cert = readSection(certNode, path + ".certificates", CERTIFICATES, p);
    int certifiedDraws = cert.containsKey("draws") ? cert.get("draws").get(0).intValue()
        : Experiment.DEFAULT_CERTIFIED_DRAWS;
    List<SegmentKind> segments = new ArrayList<>();
    if (top.containsKey("statistics")) {
      Map<String, List<JsonNode>> st = readSection(top.get("statistics").get(0), path + ".statistics", STATISTICS, p);
      JsonNode list = st.containsKey("segments") ? st.get("segments").get(0) : MAPPER.createArrayNode();
      for (int i = 0; i < list.size(); i++) {
        JsonNode v = list.get(i);
        SegmentKind k = v.isTextual() ? SegmentKind.of(v.textValue()) : null;
        String where = path + ".statistics.segments[" + i + "]";
        if (k == null) {
          p.add(where, "must be one of " + quoteAll(SegmentKind.labels()) + "; got " + v
              + (v.isTextual() ? Names.suggestion(v.textValue(), SegmentKind.labels()) : ""));
        } else if (segments.contains(k)) {
          p.add(where, "repeats \"" + k.label() + "\"");
        } else {
          segments.add(k);
        }
      }
    }

    // Bind every grid combination to typed records; cross-field rules are checked here. In a
    // sweep, a combination that breaks a rule (say delta >= 1 at the largest alpha and rank) is
    // skipped with a note, so one sweep can span the feasible region; with scalar parameters,
    // or when no combination is left, it is an error.
    String ipath = path + ".instance";
    JsonNode instanceNode = top.containsKey("instance") ? top.get("instance").get(0) : null;
    FamilyUnit family = instanceNode == null || !instanceNode.isObject() ? null
        : registry.families().get(instanceNode.path("family").asText());
    if (family != null) {
      int known = p.size();
      family.checkPresence(Values.raw(instanceNode), issuesAt(ipath, p));
      if (p.size() > known) {
        instances = List.of();
      }
    }
    List<InstanceSpec> boundInstances = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    boolean swept = instances.size() > 1;
    BindContext context = new BindContext(files, baseDir, issuesAt(ipath, p));
    for (Map<String, JsonNode> combo : instances) {
      Bound bound = family.bind(new Values(combo), context);
      String where = bound.field() == null ? ipath : ipath + "." + bound.field();
      if (bound.instance() != null) {
        boundInstances.add(bound.instance());
      } else if (bound.problem() == null) {
        continue; // a problem of the whole section, recorded by the unit
      } else if (swept) {
        notes.add(where + ": skipped a grid combination: " + bound.problem());
      } else {
        p.add(where, bound.problem());
      }
    }
    if (swept && boundInstances.isEmpty() && !notes.isEmpty()) {
      p.add(ipath, "every combination of the sweep is invalid, e.g.: "
          + notes.get(0).substring(notes.get(0).indexOf("combination: ") + 13));
    }
    List<InitDistribution> boundInits = new ArrayList<>();
    for (Map<String, JsonNode> combo : inits) {
      boundInits.add(bindInit(combo));
    }
    List<List<SolverSpec>> boundSolvers = new ArrayList<>();
    for (List<Map<String, JsonNode>> grid : solverGrids) {
      List<SolverSpec> list = new ArrayList<>();
      for (Map<String, JsonNode> combo : grid) {
        list.add(registry.solvers().get(combo.get("name").textValue()).bind(new Values(combo)));
      }
      boundSolvers.add(list);
    }

    Rules.check(path, adaptive, boundInstances, boundInits, boundSolvers, segments, p);
    if (p.size() > before || name == null || success == null) {
      return null;
    }
    long cellCount = (long) boundInstances.size() * boundInits.size()
        * boundSolvers.stream().mapToLong(List::size).sum();
    if (cellCount > MAX_CELLS) {
      p.add(path, "the grid expands to " + cellCount + " cells; at most " + MAX_CELLS
          + " are allowed in one experiment (the cell list is sent to every executor)");
      return null;
    }
    int trials = top.get("trials").get(0).intValue();
    long perCell = adaptive == null ? trials : adaptive.maxTrials();
    if (cellCount * perCell > MAX_TOTAL_TRIALS) {
      p.add(path + (adaptive == null ? ".trials" : ".adaptive.maxTrials"), cellCount + " cells x " + perCell
          + " trials = " + cellCount * perCell + " runs; at most " + MAX_TOTAL_TRIALS
          + " are allowed in one experiment (split the study)");
      return null;
    }
    List<Cell> cells = new ArrayList<>();
    Map<String, String> seen = new HashMap<>();
    for (InstanceSpec inst : boundInstances) {
      for (InitDistribution init : boundInits) {
        String point = inst.canonicalKey() + "|" + Canonical.initKey(init);
        long pointKey = Seeds.hash(point);
        for (int si = 0; si < boundSolvers.size(); si++) {
          for (SolverSpec solver : boundSolvers.get(si)) {
            String cellId = String.format("%016x", Seeds.hash(point + "|" + solver.canonicalKey())).substring(0, 12);
            String where = path + ".solvers[" + si + "]";
            String previous = seen.putIfAbsent(cellId, where);
            if (previous != null) {
              p.add(where, "repeats a configuration already given at " + previous
                  + "; identical cells would be run twice");
              continue;
            }
            cells.add(new Cell(cells.size(), cellId, inst, init, solver, pointKey, Seeds.hash(inst.canonicalKey())));
          }
        }
      }
    }
    if (p.size() > before) {
      return null;
    }
    JsonNode hashed = node;
    if (node.has(SCHEMA_KEY)) {
      hashed = node.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) hashed).remove(SCHEMA_KEY);
    }
    String specJson = Canonical.sorted(hashed).toString();
    return new Experiment(name, text(top, "description"), top.get("seed").get(0).longValue(), trials, success,
        segments, top.get("trajectories").get(0).booleanValue(), adaptive, certifiedDraws, cells, notes, specJson,
        specHash(specJson, cells), source);
  }

  /**
   * SHA-256 of the spec, keys sorted; when it reads data files, of the spec followed by the
   * SHA-256 of every distinct data matrix in cell order, so that editing a data file changes the
   * hash though the spec's text does not. Specs without data files keep the hash of their text
   * alone.
   */
  static String specHash(String specJson, List<Cell> cells) {
    java.util.LinkedHashSet<String> data = new java.util.LinkedHashSet<>();
    for (Cell c : cells) {
      if (c.instance().dataFile() != null) {
        data.add(c.instance().dataFile().sha256());
      }
    }
    return Canonical.sha256(data.isEmpty() ? specJson : specJson + "\ndata sha256: " + String.join(",", data));
  }

  private static boolean looksNumeric(String s) {
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Issues of a section, recorded at {@code sectionPath.field}. */
  private static Issues issuesAt(String sectionPath, Problems p) {
    return (field, message) -> p.add(field == null ? sectionPath : sectionPath + "." + field, message);
  }

  private static InitDistribution bindInit(Map<String, JsonNode> c) {
    String kind = c.get("kind").textValue();
    return switch (kind) {
      case InitDistribution.HalfNormal.KIND -> new InitDistribution.HalfNormal(c.get("scale").doubleValue());
      case InitDistribution.Uniform.KIND -> new InitDistribution.Uniform(c.get("bound").doubleValue());
      case InitDistribution.Gaussian.KIND -> new InitDistribution.Gaussian(c.get("scale").doubleValue());
      case InitDistribution.Near.KIND -> new InitDistribution.Near(c.get("point").textValue(),
          c.get("scale").doubleValue());
      case InitDistribution.Interpolate.KIND -> new InitDistribution.Interpolate(c.get("point").textValue(),
          c.get("gamma").doubleValue(), c.get("scale").doubleValue());
      default -> throw new IllegalStateException("validated init kind " + kind);
    };
  }
}
