package org.basinbench.instance;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.imageio.ImageIO;
import org.basinbench.objective.MaskedFactorLoss;

/**
 * NMF of a real data matrix read from a file (the star-convexity paper, Section 4.1): with
 * X the n x m data matrix and N = n m its entry count,
 * <pre>
 *   min (1/N) 1/2 sum_ij ((U V)_ij - Xs_ij)^2,   U, V >= 0,   U in R^{n x r}, V in R^{r x m},
 *   Xs = X / sigma,   sigma = sqrt((1/N) sum_ij (X_ij - mean(X))^2),
 * </pre>
 * "we scale all data matrices so that the variance of observed entries is 1 and divide the loss
 * function by the number of (observed) entries". sigma is the <em>population</em> standard
 * deviation of the entries (divisor N, not N - 1), and the mean is <em>not</em> subtracted:
 * the paper scales, it does not standardize, and centering would make entries negative, which
 * NMF excludes. So Xs has variance exactly 1 and mean {@code mean(X) / sigma}, and Xs >= 0.
 * The 1/N is the loss scale of {@link MaskedFactorLoss}. Every entry is observed. The variable
 * is {@code [U; V^T]}, as for planted NMF.
 *
 * <p><b>No truth.</b> Real data has no planted factors and no catalogued spurious point: the
 * problem's {@link Problem#hasTruth()} is false, and trials are labelled by the best loss any
 * trial of the experiment reached on the same matrix (see {@code Outcome}).
 *
 * <p><b>Reading</b> (done once, by the driver, when a spec is parsed; the matrix then travels
 * with the instance): CSV, gzip-compressed CSV, or an image.
 * <ul>
 *   <li>CSV: one matrix row per line, fields separated by commas, no header, decimal numbers
 *       ({@code 12}, {@code -0.5}, {@code 1e-3}; surrounding blanks ignored). Every line has
 *       the same number of fields; blank lines may only end the file. With
 *       {@code dropLastColumn} the last field of every line (a class label, say) is dropped
 *       unread.</li>
 *   <li>Image (any format {@link ImageIO} reads: PNG, JPEG, GIF, BMP): one matrix row per pixel
 *       row, top to bottom. A one-channel (gray) image gives its stored sample values; a colour
 *       or indexed image gives the luminance {@code Y = 0.299 R + 0.587 G + 0.114 B} of its sRGB
 *       values in 0..255 (ITU-R BT.601 luma weights); alpha is ignored. {@code downsample k}
 *       then averages each k x k block of pixels into one entry (the matrix is
 *       {@code floor(h/k) x floor(w/k)}: trailing pixel rows and columns that fill no block are
 *       dropped).</li>
 * </ul>
 * The data must be finite and nonnegative, with positive variance.
 *
 * @param data the data matrix X, unscaled
 * @param r search rank, in [1, min(n, m)]
 */
public record MatrixFile(DataMatrix data, int r) implements Serializable {
  public static final String FAMILY = "matrix-file";
  /** ITU-R BT.601 luma weights of R, G, B. */
  public static final double LUMA_R = 0.299;
  public static final double LUMA_G = 0.587;
  public static final double LUMA_B = 0.114;

  public MatrixFile {
    if (r < 1 || r > Math.min(data.rows(), data.cols())) {
      throw new IllegalArgumentException("need 1 <= r <= min(n, m) = " + Math.min(data.rows(), data.cols())
          + ", got r = " + r);
    }
  }

  /** The file formats; {@link #label()} is the spec's {@code format} value. */
  public enum Format {
    CSV("csv"),
    CSV_GZ("csv.gz"),
    IMAGE("image");

    private final String label;

    Format(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Every label, in declaration order. */
    public static List<String> labels() {
      return Arrays.stream(values()).map(Format::label).toList();
    }

    /** @return the format with this label, or null */
    public static Format of(String label) {
      for (Format f : values()) {
        if (f.label.equals(label)) {
          return f;
        }
      }
      return null;
    }

    /**
     * The format a file name implies: {@code .csv}; {@code .csv.gz} or {@code .gz};
     * {@code .png}, {@code .jpg}, {@code .jpeg}, {@code .gif}, {@code .bmp} (any case).
     *
     * @return the format, or null when the extension says nothing
     */
    public static Format fromFileName(String name) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.endsWith(".csv")) {
        return CSV;
      }
      if (n.endsWith(".gz")) {
        return CSV_GZ;
      }
      for (String ext : List.of(".png", ".jpg", ".jpeg", ".gif", ".bmp")) {
        if (n.endsWith(ext)) {
          return IMAGE;
        }
      }
      return null;
    }
  }

  /**
   * Why a file cannot be read as a data matrix, in one line.
   *
   * @see #field()
   */
  public static final class DataException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String field;

    public DataException(String field, String message) {
      super(message);
      this.field = field;
    }

    /** The spec field the problem belongs to: {@code path} (the file) or {@code downsample}. */
    public String field() {
      return field;
    }
  }

  /**
   * Reads a data matrix and checks it (finite, nonnegative, positive variance).
   *
   * @param file the file
   * @param format how to read it
   * @param dropLastColumn CSV only: drop the last field of every line
   * @param downsample images only: the block-average factor, >= 1
   * @param maxEntries refuse matrices with more entries than this
   * @throws IOException when the file cannot be read at all (missing, a directory, no permission)
   * @throws DataException when its content is not a valid data matrix
   */
  public static DataMatrix read(Path file, Format format, boolean dropLastColumn, int downsample, long maxEntries)
      throws IOException, DataException {
    return read(() -> Files.newInputStream(file), format, dropLastColumn, downsample, maxEntries);
  }

  /** Opens the bytes of a data file (from any file system the caller knows). */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /** As {@link #read(Path, Format, boolean, int, long)}, from the bytes {@code file} opens. */
  public static DataMatrix read(Opener file, Format format, boolean dropLastColumn, int downsample, long maxEntries)
      throws IOException, DataException {
    DataMatrix d;
    switch (format) {
      case CSV -> {
        try (InputStream in = file.open()) {
          d = readCsv(in, dropLastColumn, maxEntries);
        }
      }
      case CSV_GZ -> {
        try (InputStream raw = file.open()) {
          InputStream in;
          try {
            in = new GZIPInputStream(raw);
          } catch (java.util.zip.ZipException e) {
            throw new DataException("path", "not gzip-compressed (format \"csv.gz\"): " + e.getMessage());
          }
          try (in) {
            d = readCsv(in, dropLastColumn, maxEntries);
          } catch (java.util.zip.ZipException | java.io.EOFException e) {
            throw new DataException("path", "corrupt gzip data: " + e.getMessage());
          }
        }
      }
      case IMAGE -> {
        BufferedImage img;
        try (InputStream in = file.open()) {
          img = ImageIO.read(in);
        } catch (javax.imageio.IIOException e) {
          throw new DataException("path", "not a readable image: " + e.getMessage());
        }
        if (img == null) {
          throw new DataException("path", "not an image that ImageIO can read (PNG, JPEG, GIF, BMP)");
        }
        if ((long) (img.getHeight() / downsample) * (img.getWidth() / downsample) > maxEntries) {
          throw new DataException("path", "the matrix would have " + (long) (img.getHeight() / downsample)
              * (img.getWidth() / downsample) + " entries; at most " + maxEntries + " (raise downsample)");
        }
        d = grayscale(img, downsample);
      }
      default -> throw new IllegalStateException(format.toString());
    }
    check(d);
    return d;
  }

  /** A CSV field: a decimal number (no hex, no Java suffixes, no NaN or Infinity). */
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  /**
   * Reads CSV (see the class comment). Row numbers in messages are line numbers of the file,
   * column numbers are 1-based fields.
   *
   * @param in UTF-8 text; read to the end, not closed
   * @param dropLastColumn drop the last field of every line unread
   * @param maxEntries refuse more entries than this
   */
  public static DataMatrix readCsv(InputStream in, boolean dropLastColumn, long maxEntries)
      throws IOException, DataException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    double[] values = new double[1024];
    int count = 0;
    int fields = -1;
    int rows = 0;
    int line = 0;
    int blank = 0; // the first blank line, when data may no longer follow
    String text;
    while ((text = reader.readLine()) != null) {
      line++;
      if (text.isBlank()) {
        if (blank == 0) {
          blank = line;
        }
        continue;
      }
      if (blank != 0) {
        throw new DataException("path", "row " + blank + " is blank, and data follows on row " + line
            + " (blank lines may only end the file)");
      }
      String[] cells = text.split(",", -1);
      if (fields < 0) {
        fields = cells.length;
        if (dropLastColumn && fields == 1) {
          throw new DataException("path", "row 1 has 1 column; dropLastColumn would leave no data");
        }
      } else if (cells.length != fields) {
        throw new DataException("path", "row " + line + " has " + cells.length + " columns, row 1 has " + fields
            + " (ragged rows)");
      }
      int used = dropLastColumn ? fields - 1 : fields;
      if ((long) (rows + 1) * used > maxEntries) {
        throw new DataException("path", "more than " + maxEntries + " entries; too large for one trial's data");
      }
      if (count + used > values.length) {
        values = Arrays.copyOf(values, Math.max(count + used, 2 * values.length));
      }
      for (int c = 0; c < used; c++) {
        String cell = cells[c].strip();
        if (!NUMBER.matcher(cell).matches()) {
          throw new DataException("path", "row " + line + ", column " + (c + 1) + ": \"" + abbreviate(cell)
              + "\" is not a number" + (line == 1 ? " (a header line is not supported)" : ""));
        }
        double v = Double.parseDouble(cell);
        if (!Double.isFinite(v)) {
          throw new DataException("path", "row " + line + ", column " + (c + 1) + ": " + cell
              + " is out of the range of a double");
        }
        if (v < 0) {
          throw new DataException("path", "row " + line + ", column " + (c + 1) + ": " + cell
              + " is negative; NMF needs nonnegative data");
        }
        values[count++] = v + 0.0; // -0 becomes 0: one matrix, one hash
      }
      rows++;
    }
    if (rows == 0) {
      throw new DataException("path", "no data: the file holds no non-blank line");
    }
    return new DataMatrix(rows, count / rows, Arrays.copyOf(values, count));
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }

  /**
   * The grayscale matrix of an image (see the class comment), block-averaged by
   * {@code downsample}.
   *
   * @param img the image; not modified
   * @param downsample the block size k, >= 1 and at most the image's height and width
   */
  public static DataMatrix grayscale(BufferedImage img, int downsample) throws DataException {
    int h = img.getHeight();
    int w = img.getWidth();
    if (downsample < 1) {
      throw new IllegalArgumentException("downsample must be >= 1, got " + downsample);
    }
    if (downsample > h || downsample > w) {
      throw new DataException("downsample", "downsample " + downsample + " exceeds the image's " + h + " x " + w
          + " pixels (height x width)");
    }
    boolean gray = img.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY;
    Raster raster = img.getRaster();
    double[] pixel = new double[h * w];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        if (gray) {
          // Stored gray samples as they are: getRGB would pass them through a colour conversion.
          pixel[y * w + x] = raster.getSample(x, y, 0);
        } else {
          int rgb = img.getRGB(x, y);
          pixel[y * w + x] = LUMA_R * ((rgb >> 16) & 0xff) + LUMA_G * ((rgb >> 8) & 0xff) + LUMA_B * (rgb & 0xff);
        }
      }
    }
    int n = h / downsample;
    int m = w / downsample;
    double[] out = new double[n * m];
    double area = (double) downsample * downsample;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double sum = 0;
        for (int a = 0; a < downsample; a++) {
          int row = (i * downsample + a) * w + j * downsample;
          for (int b = 0; b < downsample; b++) {
            sum += pixel[row + b];
          }
        }
        out[i * m + j] = sum / area;
      }
    }
    return new DataMatrix(n, m, out);
  }

  /** Checks what NMF with unit-variance scaling needs: nonnegative entries of positive variance. */
  static void check(DataMatrix d) throws DataException {
    for (int i = 0; i < d.rows(); i++) {
      for (int j = 0; j < d.cols(); j++) {
        if (d.get(i, j) < 0) {
          throw new DataException("path", "row " + (i + 1) + ", column " + (j + 1) + ": " + d.get(i, j)
              + " is negative; NMF needs nonnegative data");
        }
      }
    }
    if (!(d.std() > 0)) {
      throw new DataException("path", d.get(0, 0) == 0 ? "every entry is 0: there is nothing to factor"
          : "every entry equals " + d.get(0, 0) + ": variance 0, which cannot be scaled to 1");
    }
  }

  /** n, the rows of the data. */
  public int n() {
    return data.rows();
  }

  /** m, the columns of the data. */
  public int m() {
    return data.cols();
  }

  /** sigma, the population standard deviation of the data, by which it is divided. */
  public double sigma() {
    return data.std();
  }

  /** The scaled data Xs = X / sigma (n x m, row-major): variance 1, nonnegative. */
  public double[] scaledData() {
    double[] x = data.copyValues();
    double sigma = sigma();
    for (int k = 0; k < x.length; k++) {
      x[k] /= sigma;
    }
    return x;
  }

  /** Builds the problem (a new one with its own scratch: one per thread). */
  public Problem problem() {
    int n = n();
    int m = m();
    return new Factorization(new MaskedFactorLoss(n, m, r, scaledData(), null, 1.0 / ((double) n * m)));
  }

  /** The problem: the scaled loss and the model U V; no truth, no catalogued point. */
  private static final class Factorization extends EntrywiseFactorization {
    Factorization(MaskedFactorLoss loss) {
      super(loss);
    }

    @Override
    public boolean hasTruth() {
      return false;
    }

    /** @throws UnsupportedOperationException always: real data has no truth */
    @Override
    public double[] truthModel() {
      throw new UnsupportedOperationException(FAMILY + " has no truth");
    }

    /** @throws UnsupportedOperationException always: real data has no truth */
    @Override
    public double[] truthPoint() {
      throw new UnsupportedOperationException(FAMILY + " has no truth");
    }
  }
}
