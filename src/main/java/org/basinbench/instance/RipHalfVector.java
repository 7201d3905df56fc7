package org.basinbench.instance;

import static org.basinbench.instance.RipHalf.Batch.FOUR_SQRT2;
import static org.basinbench.instance.RipHalf.Batch.HALF_SQRT2;
import static org.basinbench.instance.RipHalf.Batch.SQRT2;
import static org.basinbench.instance.RipHalf.Batch.TWO_SQRT2;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.basinbench.objective.BatchObjective;

/**
 * {@link RipHalf.Batch} in SIMD registers through the Vector API: the same operations in the same
 * order, lane-wise (no fused multiply-add, which would round differently), so every lane gets the
 * scalar loop's bits; the lanes past the last full vector run the scalar loop itself. Loaded by
 * name only when {@code jdk.incubator.vector} is present ({@code linalg.Simd}).
 *
 * <p>Why not rely on the JIT's auto-vectorization: JDK 17's C2 vectorizes the update alone but
 * not the fused update-evaluate loop (measured 1.6e8 lane-steps/s, the scalar rate, against
 * 3.5e8 here), and splitting the loop into array-language passes reached only 1.7e8.
 */
final class RipHalfVector implements BatchObjective {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
  private final RipHalf.Batch tail = new RipHalf.Batch();

  @Override
  public int dim() {
    return RipHalf.N;
  }

  @Override
  public void evaluate(double[][] x, int from, int to, double[] loss, double[][] g, double[] gn2) {
    tail.evaluate(x, from, to, loss, g, gn2);
  }

  @Override
  public double descend(double eta, double[][] x, int lanes, double[] loss, double[][] g, double[] gn2,
      double[] lossLimit, double[] flagGn2) {
    final double[] x1 = x[0];
    final double[] x2 = x[1];
    final double[] g1 = g[0];
    final double[] g2 = g[1];
    DoubleVector slack = DoubleVector.broadcast(S, Double.POSITIVE_INFINITY);
    final int bound = S.loopBound(lanes);
    int i = 0;
    for (; i < bound; i += S.length()) {
      DoubleVector a = DoubleVector.fromArray(S, x1, i).sub(DoubleVector.fromArray(S, g1, i).mul(eta));
      DoubleVector b = DoubleVector.fromArray(S, x2, i).sub(DoubleVector.fromArray(S, g2, i).mul(eta));
      a.intoArray(x1, i);
      b.intoArray(x2, i);
      // As RipHalf.Batch.at, operation for operation.
      DoubleVector p = a.mul(a);
      DoubleVector q = b.mul(b);
      DoubleVector c = a.mul(b);
      DoubleVector r1 = p.sub(1.0).mul(SQRT2).add(q.mul(HALF_SQRT2));
      DoubleVector d1 = r1.mul(FOUR_SQRT2).mul(a).add(c.mul(12.0).mul(b));
      DoubleVector d2 = r1.mul(TWO_SQRT2).mul(b).add(c.mul(12.0).mul(a)).add(q.mul(6.0).mul(b));
      DoubleVector l = r1.mul(r1).add(c.mul(6.0).mul(c)).add(q.mul(1.5).mul(q));
      DoubleVector n2 = d1.mul(d1).add(d2.mul(d2));
      l.intoArray(loss, i);
      d1.intoArray(g1, i);
      d2.intoArray(g2, i);
      n2.intoArray(gn2, i);
      DoubleVector s = DoubleVector.fromArray(S, lossLimit, i).sub(l)
          .min(n2.sub(DoubleVector.fromArray(S, flagGn2, i)).min(n2.neg().add(Double.MAX_VALUE)));
      slack = slack.min(s);
    }
    double rest = Double.POSITIVE_INFINITY;
    if (i < lanes) {
      rest = tail.descendFrom(i, eta, x, lanes, loss, g, gn2, lossLimit, flagGn2);
    }
    return Math.min(slack.reduceLanes(VectorOperators.MIN), rest);
  }
}
