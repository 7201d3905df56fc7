package org.basinbench.instance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.basinbench.objective.MaskedFactorLoss;
import org.basinbench.rng.SplitMix64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixFileTest {
  static final long MAX = 10_000_000L;

  @TempDir
  Path tmp;

  static DataMatrix csv(String text, boolean dropLast) throws Exception {
    return MatrixFile.readCsv(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), dropLast, MAX);
  }

  static String csvProblem(String text, boolean dropLast) {
    return assertThrows(MatrixFile.DataException.class, () -> {
      DataMatrix d = csv(text, dropLast);
      MatrixFile.check(d);
    }).getMessage();
  }

  @Test
  void csvRowsAreMatrixRows() throws Exception {
    DataMatrix d = csv("1,2,3\n4, 5.5 ,6e-1\r\n0,.25,+7\n\n", false);
    assertEquals(3, d.rows());
    assertEquals(3, d.cols());
    assertArrayEquals(new double[] {1, 2, 3, 4, 5.5, 0.6, 0, 0.25, 7}, d.copyValues(), 0.0);
    DataMatrix dropped = csv("1,2,9\n3,4,8\n", true);
    assertEquals(2, dropped.cols());
    assertArrayEquals(new double[] {1, 2, 3, 4}, dropped.copyValues(), 0.0);
    // The dropped column is not read: a label need not be a number.
    assertArrayEquals(new double[] {1, 2, 3, 4}, csv("1,2,cat\n3,4,dog\n", true).copyValues(), 0.0);
  }

  @Test
  void gzipCsvReadsAsCsv() throws Exception {
    Path plain = Files.writeString(tmp.resolve("m.csv"), "1,2\n3,4\n");
    Path gz = tmp.resolve("m.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write("1,2\n3,4\n".getBytes(StandardCharsets.UTF_8));
    }
    DataMatrix a = MatrixFile.read(plain, MatrixFile.Format.CSV, false, 1, MAX);
    DataMatrix b = MatrixFile.read(gz, MatrixFile.Format.CSV_GZ, false, 1, MAX);
    assertEquals(a, b);
    assertEquals(a.sha256(), b.sha256(), "the hash is of the matrix, not of the file's bytes");
    MatrixFile.DataException e = assertThrows(MatrixFile.DataException.class,
        () -> MatrixFile.read(plain, MatrixFile.Format.CSV_GZ, false, 1, MAX));
    assertTrue(e.getMessage().contains("not gzip-compressed"), e.getMessage());
  }

  @Test
  void formatsFollowTheExtension() {
    assertEquals(MatrixFile.Format.CSV, MatrixFile.Format.fromFileName("a/b.CSV"));
    assertEquals(MatrixFile.Format.CSV_GZ, MatrixFile.Format.fromFileName("digits.csv.gz"));
    assertEquals(MatrixFile.Format.IMAGE, MatrixFile.Format.fromFileName("china.jpg"));
    assertEquals(MatrixFile.Format.IMAGE, MatrixFile.Format.fromFileName("x.png"));
    assertEquals(null, MatrixFile.Format.fromFileName("x.dat"));
  }

  /** The UCI digits: 1797 images of 8 x 8 pixel counts in 0..16, and a label 0..9 last. */
  @Test
  void digitsAre1797By64PixelCountsOnceTheLabelIsDropped() throws Exception {
    Path file = Path.of("data", "digits.csv.gz");
    DataMatrix d = MatrixFile.read(file, MatrixFile.Format.CSV_GZ, true, 1, MAX);
    assertEquals(1797, d.rows());
    assertEquals(64, d.cols());
    double max = 0;
    for (double v : d.copyValues()) {
      assertTrue(v >= 0 && v <= 16 && v == Math.rint(v), "a pixel count in 0..16: " + v);
      max = Math.max(max, v);
    }
    assertEquals(16, max);
    DataMatrix labelled = MatrixFile.read(file, MatrixFile.Format.CSV_GZ, false, 1, MAX);
    assertEquals(65, labelled.cols());
    for (int i = 0; i < labelled.rows(); i++) {
      assertEquals(d.get(i, 5), labelled.get(i, 5), 0.0);
      double label = labelled.get(i, 64);
      assertTrue(label >= 0 && label <= 9, "label " + label);
    }
    // Scaled to unit variance: the population variance of the scaled entries is 1.
    MatrixFile digits = new MatrixFile(d, 10);
    double[] xs = digits.scaledData();
    // Sums of 115008 terms: rounding of order N eps = 3e-11, relative.
    assertEquals(1.0, populationVariance(xs), 1e-10);
    assertEquals(d.mean() / d.std(), mean(xs), 1e-10);
  }

  static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  static double populationVariance(double[] x) {
    double mu = mean(x);
    double s = 0;
    for (double v : x) {
      s += (v - mu) * (v - mu);
    }
    return s / x.length;
  }

  /**
   * The paper's scaling: observed entries to unit variance (population variance, the mean not
   * subtracted, so the data stay nonnegative), and the loss divided by the entry count.
   */
  @Test
  void scalingIsUnitPopulationVarianceWithoutCenteringAndTheLossIsAMean() throws Exception {
    DataMatrix d = csv("0,2,4\n6,8,10\n", false);
    // mean 5, population variance (25 + 9 + 1 + 1 + 9 + 25) / 6 = 35/3.
    double sigma = Math.sqrt(35.0 / 3);
    assertEquals(sigma, d.std(), 1e-15);
    MatrixFile f = new MatrixFile(d, 1);
    double[] xs = f.scaledData();
    for (int k = 0; k < xs.length; k++) {
      assertEquals(d.copyValues()[k] / sigma, xs[k], 0.0);
      assertTrue(xs[k] >= 0);
    }
    assertEquals(1.0, populationVariance(xs), 1e-14);
    Problem p = f.problem();
    MaskedFactorLoss loss = (MaskedFactorLoss) p.objective();
    assertEquals(1.0 / 6, loss.scale(), 0.0);
    // U = [1; 1], V = [1 1 1]: the model is all ones; the loss is (1/6) 1/2 sum (1 - xs)^2.
    double[] x = {1, 1, 1, 1, 1};
    double expected = 0;
    for (double v : xs) {
      expected += (1 - v) * (1 - v);
    }
    assertEquals(expected / 12, p.objective().value(x), 1e-15);
    assertArrayEquals(xs, loss.copyTarget(), 0.0);
  }

  @Test
  void realDataHasNoTruth() throws Exception {
    Problem p = new MatrixFile(csv("1,2\n3,4\n", false), 2).problem();
    assertFalse(p.hasTruth());
    assertTrue(p.nonnegative());
    assertTrue(p.spuriousPoints().isEmpty());
    assertThrows(UnsupportedOperationException.class, p::truthPoint);
    assertThrows(UnsupportedOperationException.class, p::truthModel);
    DataMatrix d = csv("1,2\n3,4\n", false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MatrixFile(d, 3));
    assertTrue(e.getMessage().contains("r <= min(n, m) = 2"), e.getMessage());
  }

  @Test
  void theHashFollowsTheNumbers() throws Exception {
    DataMatrix a = csv("1,2\n3,4\n", false);
    assertEquals(a.sha256(), csv("1.0,2\n3,4e0\n", false).sha256(), "the same numbers written differently");
    assertNotEquals(a.sha256(), csv("1,2\n3,5\n", false).sha256(), "one changed entry");
    assertNotEquals(a.sha256(), csv("1,2,3,4\n", false).sha256(), "the same entries in another shape");
    assertEquals(csv("0,2\n3,4\n", false).sha256(), csv("-0,2\n3,4\n", false).sha256(), "-0 reads as 0");
    assertEquals(64, a.sha256().length());
  }

  @Test
  void csvProblemsNameTheRowAndColumn() {
    assertTrue(csvProblem("1,2,3\n4,5\n", false).contains("row 2 has 2 columns, row 1 has 3 (ragged rows)"));
    assertTrue(csvProblem("1,2\n3,x7\n", false).contains("row 2, column 2: \"x7\" is not a number"));
    assertTrue(csvProblem("a,b\n1,2\n", false).contains("(a header line is not supported)"));
    assertTrue(csvProblem("1,2\n3,NaN\n", false).contains("row 2, column 2: \"NaN\" is not a number"));
    assertTrue(csvProblem("1,2\n3,1f\n", false).contains("\"1f\" is not a number"));
    assertTrue(csvProblem("1,2\n3,\n", false).contains("row 2, column 2: \"\" is not a number"));
    assertTrue(csvProblem("1,2\n3,-0.5\n", false).contains("row 2, column 2: -0.5 is negative"));
    assertTrue(csvProblem("1,2\n3,1e400\n", false).contains("out of the range of a double"));
    assertTrue(csvProblem("1,2\n\n3,4\n", false).contains("row 2 is blank, and data follows on row 3"));
    assertTrue(csvProblem("\n\n", false).contains("no data"));
    assertTrue(csvProblem("0,0\n0,0\n", false).contains("every entry is 0"));
    assertTrue(csvProblem("3,3\n3,3\n", false).contains("every entry equals 3.0: variance 0"));
    assertTrue(csvProblem("1\n2\n", true).contains("dropLastColumn would leave no data"));
    assertTrue(assertThrows(MatrixFile.DataException.class,
        () -> MatrixFile.readCsv(new ByteArrayInputStream("1,2\n3,4\n5,6\n".getBytes(StandardCharsets.UTF_8)),
            false, 5)).getMessage().contains("more than 5 entries"));
  }

  static Path png(Path file, BufferedImage img) throws IOException {
    assertTrue(ImageIO.write(img, "png", file.toFile()), "a PNG writer");
    return file;
  }

  /** A colour image: luminance 0.299 R + 0.587 G + 0.114 B per pixel, rows top to bottom. */
  @Test
  void colourImagesBecomeLuminance() throws Exception {
    BufferedImage img = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
    int[][] rgb = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {10, 20, 30}, {255, 255, 255}, {0, 0, 0}};
    for (int k = 0; k < rgb.length; k++) {
      img.setRGB(k % 3, k / 3, (rgb[k][0] << 16) | (rgb[k][1] << 8) | rgb[k][2]);
    }
    DataMatrix d = MatrixFile.read(png(tmp.resolve("c.png"), img), MatrixFile.Format.IMAGE, false, 1, MAX);
    assertEquals(2, d.rows(), "rows are pixel rows");
    assertEquals(3, d.cols());
    for (int k = 0; k < rgb.length; k++) {
      double y = 0.299 * rgb[k][0] + 0.587 * rgb[k][1] + 0.114 * rgb[k][2];
      assertEquals(y, d.get(k / 3, k % 3), 1e-12, "pixel " + k);
    }
  }

  /** A gray image gives its samples as stored, with no colour conversion. */
  @Test
  void grayImagesGiveTheirSamples() throws Exception {
    BufferedImage img = new BufferedImage(4, 3, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 4; x++) {
        img.getRaster().setSample(x, y, 0, 10 * y + x + 100);
      }
    }
    DataMatrix d = MatrixFile.read(png(tmp.resolve("g.png"), img), MatrixFile.Format.IMAGE, false, 1, MAX);
    for (int y = 0; y < 3; y++) {
      for (int x = 0; x < 4; x++) {
        assertEquals(10 * y + x + 100, d.get(y, x), 0.0);
      }
    }
  }

  /**
   * Downsampling by k averages k x k blocks; a 5 x 7 image at k = 2 is 2 x 3, its last pixel
   * row and column filling no block.
   */
  @Test
  void downsamplingAveragesBlocksAndDropsTheRemainder() throws Exception {
    BufferedImage img = new BufferedImage(7, 5, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 5; y++) {
      for (int x = 0; x < 7; x++) {
        img.getRaster().setSample(x, y, 0, 7 * y + x);
      }
    }
    Path file = png(tmp.resolve("d.png"), img);
    DataMatrix d = MatrixFile.read(file, MatrixFile.Format.IMAGE, false, 2, MAX);
    assertEquals(2, d.rows());
    assertEquals(3, d.cols());
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        int y = 2 * i;
        int x = 2 * j;
        double mean = (7 * y + x + 7 * y + x + 1 + 7 * (y + 1) + x + 7 * (y + 1) + x + 1) / 4.0;
        assertEquals(mean, d.get(i, j), 1e-12, "block " + i + ", " + j);
      }
    }
    DataMatrix coarse = MatrixFile.read(file, MatrixFile.Format.IMAGE, false, 3, MAX);
    assertEquals(1, coarse.rows());
    assertEquals(2, coarse.cols());
    MatrixFile.DataException e = assertThrows(MatrixFile.DataException.class,
        () -> MatrixFile.read(file, MatrixFile.Format.IMAGE, false, 6, MAX));
    assertEquals("downsample", e.field());
    assertTrue(e.getMessage().contains("downsample 6 exceeds the image's 5 x 7 pixels"), e.getMessage());
  }

  /** The photograph: 427 x 640 luminance in [0, 255]; downsampled by 4, 106 x 160. */
  @Test
  void chinaIsA427By640GrayscaleMatrix() throws Exception {
    Path file = Path.of("data", "china.jpg");
    DataMatrix full = MatrixFile.read(file, MatrixFile.Format.IMAGE, false, 1, MAX);
    assertEquals(427, full.rows());
    assertEquals(640, full.cols());
    assertTrue(full.min() >= 0);
    for (double v : full.copyValues()) {
      assertTrue(v <= 255, "luminance of 8-bit sRGB");
    }
    DataMatrix small = MatrixFile.read(file, MatrixFile.Format.IMAGE, false, 4, MAX);
    assertEquals(106, small.rows());
    assertEquals(160, small.cols());
    double block = 0;
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        block += full.get(40 + a, 80 + b);
      }
    }
    assertEquals(block / 16, small.get(10, 20), 1e-9);
  }

  @Test
  void nonImagesAreRefused() throws Exception {
    Path notImage = Files.writeString(tmp.resolve("x.png"), "1,2\n");
    MatrixFile.DataException e = assertThrows(MatrixFile.DataException.class,
        () -> MatrixFile.read(notImage, MatrixFile.Format.IMAGE, false, 1, MAX));
    assertTrue(e.getMessage().contains("not an image that ImageIO can read"), e.getMessage());
  }

  /** Draws are ignored: the problem of a data matrix is the same for every generator. */
  @Test
  void theProblemIsDeterministic() throws Exception {
    MatrixFile f = new MatrixFile(csv("1,2,3\n4,5,6\n", false), 1);
    double[] x = {0.5, 0.7, 1, 2, 3};
    assertEquals(f.problem().objective().value(x), f.problem().objective().value(x), 0.0);
    assertEquals(f.problem().objective().value(x),
        new org.basinbench.family.MatrixFileFamily.Spec("m.csv", "csv", false, 1, f)
            .problem(new SplitMix64(1)).objective().value(x), 0.0);
  }
}
