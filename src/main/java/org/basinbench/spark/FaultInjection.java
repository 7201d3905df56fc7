package org.basinbench.spark;

import java.io.Serializable;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.SparkConf;
import org.apache.spark.TaskContext;

/**
 * FOR TESTS ONLY: trial tasks that fail on purpose, to show that Spark's retries lose no trial
 * and count none twice ({@code FaultInjectionTest}), and that a fault outlasting the retries
 * fails the run and publishes nothing. Never set in real runs.
 *
 * <p>Off unless one of two Spark settings is set, as {@code --conf} to spark-submit or as a
 * {@code -D} system property of the driver:
 * <ul>
 *   <li>{@value #FAIL_FIRST_ATTEMPT_FRACTION}{@code =F}: the first attempt (attempt number 0) of
 *       a fraction F of the partitions, chosen by a hash of the partition id, throws half-way
 *       through the partition's first slice of trials, after some rows went to the writer, so that a
 *       retry must replace a partly written task output;</li>
 *   <li>{@value #FAIL_EVERY_ATTEMPT_FRACTION}{@code =F}: as above, but every attempt of the
 *       chosen partitions throws, so the run must fail.</li>
 * </ul>
 * The driver reads the settings once ({@link #from}); the task wraps its rows in
 * {@link #inject}.
 */
final class FaultInjection implements Serializable {
  static final String FAIL_FIRST_ATTEMPT_FRACTION = "spark.basinbench.faultInjection.failFirstAttemptFraction";
  static final String FAIL_EVERY_ATTEMPT_FRACTION = "spark.basinbench.faultInjection.failEveryAttemptFraction";

  private final double failFirstAttempt;
  private final double failEveryAttempt;

  private FaultInjection(double failFirstAttempt, double failEveryAttempt) {
    this.failFirstAttempt = failFirstAttempt;
    this.failEveryAttempt = failEveryAttempt;
  }

  /** The faults the two settings ask for (none when neither is set). */
  static FaultInjection from(SparkConf conf) {
    return new FaultInjection(conf.getDouble(FAIL_FIRST_ATTEMPT_FRACTION, 0),
        conf.getDouble(FAIL_EVERY_ATTEMPT_FRACTION, 0));
  }

  /** Whether partition {@code id} is among the fraction {@code f} chosen for faults (deterministic). */
  static boolean chosen(int id, double f) {
    if (f <= 0) {
      return false;
    }
    long h = 0x6661756c74L + (id + 1) * 0x9E3779B97F4A7C15L; // SplitMix64's finalizer of "fault" + id
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    h ^= h >>> 31;
    return (h >>> 11) * 0x1.0p-53 < f;
  }

  /**
   * The task's rows, {@code rows.apply(slices)}, unchanged when this task attempt is not chosen
   * (or outside a Spark task); otherwise the rows up to half of the first slice's trials, then an
   * {@link IllegalStateException} naming the setting, the partition and the attempt.
   *
   * @param slices the task's input
   * @param trials the round's number of trials (to size the first slice)
   * @param rows the task's rows from its input
   */
  <T> Iterator<T> inject(Iterator<TaskSlice> slices, long trials,
      Function<Iterator<TaskSlice>, Iterator<T>> rows) {
    TaskContext task = TaskContext.get();
    String setting = task == null ? null
        : chosen(task.partitionId(), failEveryAttempt) ? FAIL_EVERY_ATTEMPT_FRACTION
        : task.attemptNumber() == 0 && chosen(task.partitionId(), failFirstAttempt) ? FAIL_FIRST_ATTEMPT_FRACTION
        : null;
    if (setting == null) {
      return rows.apply(slices);
    }
    String fault = "injected fault (test-only setting " + setting + "): partition " + task.partitionId()
        + ", attempt " + task.attemptNumber();
    long[] failAt = {-1}; // set when the rows read their first slice
    Iterator<T> inner = rows.apply(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return slices.hasNext();
      }

      @Override
      public TaskSlice next() {
        TaskSlice s = slices.next();
        if (failAt[0] < 0) {
          failAt[0] = s.size(trials) / 2;
        }
        return s;
      }
    });
    return new Iterator<>() {
      private long produced;

      @Override
      public boolean hasNext() {
        return inner.hasNext();
      }

      @Override
      public T next() {
        if (!inner.hasNext()) {
          throw new NoSuchElementException();
        }
        if (produced >= failAt[0]) {
          throw new IllegalStateException(fault);
        }
        produced++;
        return inner.next();
      }
    };
  }
}
