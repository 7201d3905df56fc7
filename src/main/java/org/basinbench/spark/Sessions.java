package org.basinbench.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Creates the SparkSession of a run. */
public final class Sessions {
  private Sessions() {}

  /**
   * A session for {@code master}, or, when null, for the master that spark-submit configured,
   * or else embedded {@code local[*]}. Local runs bind to 127.0.0.1 and keep the web UI off
   * (a benchmark must not open a port to the network by default); Spark's own console
   * progress bar is off because BasinBench draws its own.
   */
  public static SparkSession create(String master) {
    return create(master, false, false);
  }

  /**
   * As {@link #create(String)}; {@code ui} starts the web UI of a local run (bound to
   * 127.0.0.1 like the driver), {@code consoleProgress} turns Spark's progress bar on.
   */
  public static SparkSession create(String master, boolean ui, boolean consoleProgress) {
    SparkConf conf = new SparkConf(); // picks up spark.* system properties set by spark-submit
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    conf.setIfMissing("spark.app.name", "BasinBench");
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", Boolean.toString(ui));
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", Boolean.toString(consoleProgress));
    // The trials schema is wide; without this Spark warns that it truncated a plan string.
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "200");
    SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
    // The only shuffles left are small aggregations (best-known losses, curvature): one
    // partition per core, not Spark's default 200, unless the user set it.
    if (!conf.contains("spark.sql.shuffle.partitions")) {
      spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(Math.max(1,
          spark.sparkContext().defaultParallelism())));
    }
    return spark;
  }
}
