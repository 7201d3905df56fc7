package org.basinbench.spec;

import org.basinbench.family.MatrixFileFamily;

import static org.basinbench.spec.SpecParserTest.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code matrix-file} family through the spec parser: paths relative to the spec file,
 * the data's hash in cell ids and the spec hash, and every problem of a data file reported
 * once, at the JSON path of its field.
 */
class MatrixFileSpecTest {
  static final String SPEC = """
      {"experiment": "real", "seed": 1, "trials": 3,
       "instance": {"family": "matrix-file", "path": "PATH", "r": 2},
       "init": {"kind": "half-normal", "scale": 0.5},
       "solvers": [{"name": "hals", "maxIter": 20}, {"name": "mu", "maxIter": 20}]}
      """;

  @TempDir
  Path dir;

  Path specFile;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/m.csv"), "1,2,3\n4,5,6\n7,8,10\n");
    specFile = dir.resolve("spec.json");
  }

  /** The spec with its instance path (and more instance fields) replaced, parsed from {@code dir}. */
  List<Experiment> parse(String path, String more) throws Exception {
    Files.writeString(specFile, SPEC.replace("\"PATH\"", "\"" + path + "\"" + more));
    return SpecParser.parseFile(specFile);
  }

  List<String> problems(String path, String more) throws IOException {
    Files.writeString(specFile, SPEC.replace("\"PATH\"", "\"" + path + "\"" + more));
    return assertThrows(SpecException.class, () -> SpecParser.parseFile(specFile)).problems();
  }

  List<String> problemsOf(String spec) throws IOException {
    Files.writeString(specFile, spec);
    return assertThrows(SpecException.class, () -> SpecParser.parseFile(specFile)).problems();
  }

  @Test
  void relativePathsResolveAgainstTheSpecFilesDirectory() throws Exception {
    Experiment e = parse("data/m.csv", "").get(0);
    assertEquals(2, e.cells().size());
    MatrixFileFamily.Spec m = (MatrixFileFamily.Spec) e.cells().get(0).instance();
    assertEquals("data/m.csv", m.path(), "the path as given, for provenance");
    assertEquals("csv", m.format(), "from the extension");
    assertEquals(3, m.params().n());
    assertEquals(3, m.params().m());
    assertFalse(m.hasTruth());
    assertTrue(m.canonicalKey().contains(";sha256=" + m.params().data().sha256()));
    // The same file by its absolute path gives the same cells (the key is the content's).
    Experiment abs = parse(dir.resolve("data/m.csv").toString(), "").get(0);
    assertEquals(e.cells().get(0).cellId(), abs.cells().get(0).cellId());
    assertEquals(e.cells().get(1).pointKey(), abs.cells().get(1).pointKey());
    // Parsed from text, relative paths resolve against the given directory.
    assertEquals(e.cells().get(0).cellId(), SpecParser.parse(SPEC.replace("PATH", "data/m.csv"), "t.json", dir)
        .get(0).cells().get(0).cellId());
  }

  /**
   * Editing the data changes the cells, the seeds and the spec hash, though the spec's text
   * is unchanged.
   */
  @Test
  void theDataHashEntersCellIdsSeedsAndTheSpecHash() throws Exception {
    Experiment before = parse("data/m.csv", "").get(0);
    Files.writeString(dir.resolve("data/m.csv"), "1,2,3\n4,5,6\n7,8,11\n");
    Experiment after = parse("data/m.csv", "").get(0);
    assertEquals(before.specJson(), after.specJson());
    assertNotEquals(before.specHash(), after.specHash());
    assertNotEquals(before.cells().get(0).cellId(), after.cells().get(0).cellId());
    assertNotEquals(before.cells().get(0).pointKey(), after.cells().get(0).pointKey());
    // Rewriting the same numbers differently changes nothing but the file.
    Files.writeString(dir.resolve("data/m.csv"), "1.0, 2, 3\n4,5,6\n7,8,11e0\n");
    Experiment same = parse("data/m.csv", "").get(0);
    assertEquals(after.specHash(), same.specHash());
    assertEquals(after.cells().get(0).cellId(), same.cells().get(0).cellId());
  }

  @Test
  void specsWithoutDataKeepTheHashOfTheirText() throws Exception {
    Experiment e = SpecParser.parse(SpecParserTest.EXAMPLE, "t.json").get(0);
    assertEquals(Canonical.sha256(e.specJson()), e.specHash());
  }

  @Test
  void rankAndDownsampleSweepSkipCombinationsTheDataRulesOut() throws Exception {
    Files.writeString(specFile, SPEC.replace("\"PATH\", \"r\": 2", "\"data/m.csv\", \"r\": [1, 3, 4]"));
    Experiment ranks = SpecParser.parseFile(specFile).get(0);
    assertEquals(4, ranks.cells().size(), "r = 1 and 3, two solvers each");
    assertEquals(1, ranks.notes().size());
    assertTrue(ranks.notes().get(0).startsWith("$.instance.r: skipped a grid combination: r must be <= min(n, m) = 3"),
        ranks.notes().get(0));
    BufferedImagesHolder.writeGray(dir.resolve("data/img.png"), 8, 6);
    Files.writeString(specFile, SPEC.replace("\"PATH\", \"r\": 2", "\"data/img.png\", \"r\": 2,"
        + " \"downsample\": [1, 2, 7]"));
    Experiment blocks = SpecParser.parseFile(specFile).get(0);
    assertEquals(4, blocks.cells().size(), "downsample 1 (6 x 8) and 2 (3 x 4), two solvers each");
    assertEquals(1, blocks.notes().size());
    assertTrue(blocks.notes().get(0).startsWith("$.instance.downsample: skipped a grid combination: downsample 7"
        + " exceeds the image's 6 x 8 pixels"), blocks.notes().get(0));
  }

  /** Test images. */
  static final class BufferedImagesHolder {
    /** A gray PNG, height x width, with distinct samples. */
    static void writeGray(Path file, int width, int height) throws IOException {
      java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(width, height,
          java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          img.getRaster().setSample(x, y, 0, 3 * y + x);
        }
      }
      assertTrue(javax.imageio.ImageIO.write(img, "png", file.toFile()));
    }
  }

  /** Each problem of a data file is one line, at the JSON path of its field. */
  @Test
  void everyDataProblemNamesItsField() throws Exception {
    Path d = dir.resolve("data");
    Files.writeString(d.resolve("ragged.csv"), "1,2,3\n4,5\n");
    Files.writeString(d.resolve("word.csv"), "1,2\n3,four\n");
    Files.writeString(d.resolve("neg.csv"), "1,2\n3,-4\n");
    Files.writeString(d.resolve("zero.csv"), "0,0\n0,0\n");
    Files.writeString(d.resolve("m.dat"), "1,2\n3,4\n");
    Files.writeString(d.resolve("plain.gz"), "1,2\n3,4\n");
    Files.writeString(d.resolve("text.png"), "1,2\n3,4\n");
    Files.createDirectories(d.resolve("folder.csv"));
    String[][] cases = {
      {"data/missing.csv", "", "$.instance.path", "no such file: \"data/missing.csv\""},
      {"data/missing.csv", "", "$.instance.path", "resolved against the spec file's directory"},
      {"data/folder.csv", "", "$.instance.path", "is a directory"},
      {"data/ragged.csv", "", "$.instance.path", "row 2 has 2 columns, row 1 has 3"},
      {"data/word.csv", "", "$.instance.path", "row 2, column 2: \\\"four\\\" is not a number"},
      {"data/neg.csv", "", "$.instance.path", "row 2, column 2: -4 is negative"},
      {"data/zero.csv", "", "$.instance.path", "every entry is 0"},
      {"data/plain.gz", "", "$.instance.path", "not gzip-compressed"},
      {"data/text.png", "", "$.instance.path", "not an image that ImageIO can read"},
      {"hdfs://host/m.csv", "", "$.instance.path", "only local files are read"},
      {"", "", "$.instance.path", "must name a file"},
      {"data/m.dat", "", "$.instance.format", "does not tell the format"},
      {"data/m.csv", ", \"format\": \"tsv\"", "$.instance.format", "one of \"csv\", \"csv.gz\", \"image\""},
      {"data/m.csv", ", \"downsample\": 2", "$.instance.downsample", "applies to images only"},
      {"data/m.csv", ", \"downsample\": 0", "$.instance.downsample", "an integer in [1, 100000]"},
      {"data/m.csv", ", \"dropLastColumn\": \"yes\"", "$.instance.dropLastColumn", "true or false"},
      {"data/m.csv", ", \"p\": 0.5", "$.instance.p", "unknown field"},
    };
    for (String[] c : cases) {
      List<String> ps = problems(c[0], c[1]);
      String expect = c[3].replace("\\\"", "\"");
      assertProblem(ps, c[2] + ": ", expect);
      assertEquals(1, ps.size(), "one line per problem: " + ps);
    }
    // A rank larger than the matrix, and a block larger than the image, name their fields.
    assertProblem(problemsOf(SPEC.replace("\"PATH\", \"r\": 2", "\"data/m.csv\", \"r\": 4")), "$.instance.r: ",
        "r must be <= min(n, m) = 3 for the 3 x 3 matrix");
    Path png = d.resolve("tiny.png");
    java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(3, 2,
        java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSample(0, 0, 0, 9);
    javax.imageio.ImageIO.write(img, "png", png.toFile());
    assertProblem(problems("data/tiny.png", ", \"downsample\": 3"), "$.instance.downsample: ",
        "downsample 3 exceeds the image's 2 x 3 pixels");
    assertProblem(problems("data/tiny.png", ", \"dropLastColumn\": true"), "$.instance.dropLastColumn: ",
        "applies to CSV data only");
    assertProblem(problemsOf(SPEC.replace("\"PATH\", \"r\": 2", "\"data/m.csv\", \"r\": 0")), "$.instance.r: ",
        "an integer in [1, 100000]");
  }

  /** What real data cannot have: starts or segments tied to a truth or a catalogued point. */
  @Test
  void startsAndSegmentsThatNeedATruthAreRefused() throws Exception {
    String spec = SPEC.replace("PATH", "data/m.csv");
    assertProblem(problemsOf(spec.replace("{\"kind\": \"half-normal\", \"scale\": 0.5}", "{\"kind\": \"near\"}")),
        "$.init.point: ", "init \"near\" starts from the truth", "real data has no truth");
    assertProblem(problemsOf(spec.replace("{\"kind\": \"half-normal\", \"scale\": 0.5}",
        "{\"kind\": \"interpolate\", \"gamma\": 0.5}")), "$.init.point: ", "init \"interpolate\" starts from the spurious");
    assertProblem(problemsOf(spec.replace("\"trials\": 3,", "\"trials\": 3, \"statistics\": {\"segments\":"
        + " [\"random-to-truth\"]},")), "$.statistics.segments: ", "\"random-to-truth\" needs the truth");
    assertProblem(problemsOf(spec.replace("\"trials\": 3,", "\"trials\": 3, \"statistics\": {\"segments\":"
        + " [\"init-to-spurious\"]},")), "$.statistics.segments: ", "\"init-to-spurious\" needs a catalogued");
    assertProblem(problemsOf(spec.replace("\"trials\": 3,", "\"trials\": 3, \"success\": {\"lossGap\": -1},")),
        "$.success.lossGap: ", "a number >= 0");
    // The statistics real data supports, with every NMF solver.
    Files.writeString(specFile, spec.replace("\"trials\": 3,", "\"trials\": 3, \"trajectories\": true,"
        + " \"statistics\": {\"segments\": [\"random-random\", \"init-to-found\"]}, \"success\": {\"lossGap\": 0.01},")
        .replace("{\"name\": \"mu\", \"maxIter\": 20}", "{\"name\": \"mu\", \"maxIter\": 20}, {\"name\": \"pgd\","
            + " \"step\": 1, \"blocks\": \"alternating\"}, {\"name\": \"sgd\", \"step\": 1}"));
    Experiment e = SpecParser.parseFile(specFile).get(0);
    assertEquals(4, e.cells().size());
    assertEquals(0.01, e.success().lossGap());
  }

  @Test
  void theDefaultLossGapApplies() throws Exception {
    assertEquals(SuccessCriteria.DEFAULT_LOSS_GAP, parse("data/m.csv", "").get(0).success().lossGap());
  }
}
