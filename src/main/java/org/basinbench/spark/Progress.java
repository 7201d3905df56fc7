package org.basinbench.spark;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * A progress line on stderr while trials run: experiment, cells done / total, trials done /
 * total, rate, elapsed and ETA. On a terminal one line is redrawn in place; otherwise a plain line is printed every
 * {@link #PLAIN_INTERVAL_MS} so that logs stay readable. Counts come from an accumulator that
 * Spark merges as each task ends, so they advance task by task.
 */
final class Progress implements AutoCloseable {
  /** Redraw often enough to look alive, rarely enough to cost nothing. */
  private static final long TTY_INTERVAL_MS = 500;
  /** Plain (non-terminal) output: one line per 10 s keeps CI logs short. */
  private static final long PLAIN_INTERVAL_MS = 10_000;

  private final PrintStream err;
  private final String label;
  private final long total;
  private final LongSupplier done;
  private final IntSupplier cellsDone;
  private final int cells;
  private final boolean tty;
  private final long startNanos = System.nanoTime();
  private final Thread thread;
  private volatile boolean running = true;

  Progress(PrintStream err, String label, long total, LongSupplier done, int cells, IntSupplier cellsDone,
      boolean tty) {
    this.err = err;
    this.label = label;
    this.total = total;
    this.done = done;
    this.cells = cells;
    this.cellsDone = cellsDone;
    this.tty = tty;
    this.thread = new Thread(this::loop, "basinbench-progress");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    long interval = tty ? TTY_INTERVAL_MS : PLAIN_INTERVAL_MS;
    while (running) {
      try {
        Thread.sleep(interval);
      } catch (InterruptedException e) {
        return;
      }
      if (running) {
        print(false);
      }
    }
  }

  private synchronized void print(boolean last) {
    long d = Math.min(done.getAsLong(), total);
    double elapsed = (System.nanoTime() - startNanos) / 1e9;
    double rate = elapsed > 0 ? d / elapsed : 0;
    String eta = d > 0 && d < total ? clock((total - d) / rate) : (d >= total ? "0:00" : "--:--");
    String line = String.format(Locale.ROOT, "[%s] cells %d/%d  trials %d/%d (%.1f%%)  %.0f/s  elapsed %s  eta %s",
        label, Math.min(cellsDone.getAsInt(), cells), cells, d, total, 100.0 * d / total, rate, clock(elapsed), eta);
    if (tty) {
      err.print("\r" + line + "\u001b[K" + (last ? "\n" : ""));
    } else {
      err.println(line);
    }
    err.flush();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    print(true);
  }
}
