package org.basinbench.spark;

import org.apache.spark.sql.SparkSession;

/** The one local SparkSession of the test suite (started once; Spark stops it at JVM exit). */
public final class TestSpark {
  private static SparkSession session;

  private TestSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("basinbench-tests")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.showConsoleProgress", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.debug.maxToStringFields", "200")
          .getOrCreate();
    }
    return session;
  }
}
