package org.basinbench.instance;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An immutable data matrix, as read from a file (see {@link MatrixFile}): {@code rows x cols}
 * entries, row-major, with the SHA-256 of its content. The hash covers the shape and every
 * entry's IEEE-754 bits, {@code rows, cols} as big-endian 32-bit integers and then each
 * {@code Double.doubleToLongBits(x_ij)} big-endian in row-major order: the matrix, not the
 * file's bytes, so a file re-encoded without changing its numbers keeps its hash, and any
 * changed number changes it.
 */
public final class DataMatrix implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int rows;
  private final int cols;
  private final double[] values;
  private final String sha256;

  /**
   * @param rows rows, >= 1
   * @param cols columns, >= 1
   * @param values the entries, row-major, length rows x cols, all finite; copied
   */
  public DataMatrix(int rows, int cols, double[] values) {
    if (rows < 1 || cols < 1 || values.length != (long) rows * cols) {
      throw new IllegalArgumentException("need rows, cols >= 1 and rows x cols values; got " + rows + " x " + cols
          + " and " + values.length);
    }
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new IllegalArgumentException("entry " + k + " is not finite: " + values[k]);
      }
    }
    this.rows = rows;
    this.cols = cols;
    this.values = values.clone();
    this.sha256 = hash(rows, cols, this.values);
  }

  /** Rows (n). */
  public int rows() {
    return rows;
  }

  /** Columns (m). */
  public int cols() {
    return cols;
  }

  /** Entry (i, j), 0-based. */
  public double get(int i, int j) {
    return values[i * cols + j];
  }

  /** A copy of the entries, row-major. */
  public double[] copyValues() {
    return values.clone();
  }

  /** Hex SHA-256 of the shape and entries (see the class comment). */
  public String sha256() {
    return sha256;
  }

  /** The mean of the entries. */
  public double mean() {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /**
   * The population standard deviation of the entries,
   * {@code sqrt((1/N) sum_ij (x_ij - mean)^2)}, N = rows x cols (two passes: the mean first).
   */
  public double std() {
    double mean = mean();
    double ss = 0;
    for (double v : values) {
      double d = v - mean;
      ss += d * d;
    }
    return Math.sqrt(ss / values.length);
  }

  /** The smallest entry. */
  public double min() {
    double min = Double.POSITIVE_INFINITY;
    for (double v : values) {
      min = Math.min(min, v);
    }
    return min;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DataMatrix d && d.rows == rows && d.cols == cols && d.sha256.equals(sha256)
        && java.util.Arrays.equals(d.values, values);
  }

  @Override
  public int hashCode() {
    return sha256.hashCode();
  }

  @Override
  public String toString() {
    return rows + " x " + cols + " matrix, sha256 " + sha256.substring(0, 12);
  }

  private static String hash(int rows, int cols, double[] values) {
    MessageDigest md;
    try {
      md = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
    ByteBuffer buf = ByteBuffer.allocate(8 * 1024); // big-endian
    buf.putInt(rows).putInt(cols);
    for (double v : values) {
      if (buf.remaining() < 8) {
        md.update(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putLong(Double.doubleToLongBits(v));
    }
    md.update(buf.array(), 0, buf.position());
    return HexFormat.of().formatHex(md.digest());
  }
}
