package org.basinbench.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The peers a user would run instead of BasinBench (numpy and scikit-learn scripts, and C
 * kernels for the machine's limit), run from their directory with one BLAS thread
 * ({@code OPENBLAS_NUM_THREADS=1}; the rest of the environment as BasinBench sees it, an
 * {@code OPENBLAS_CORETYPE} included, so both run the same BLAS kernels): a {@code .py} script with
 * {@code python3}, a {@code .c} file compiled first with {@code gcc -O3 -march=native}.
 */
final class Peers {
  private static final long TIMEOUT_S = 3600;
  private static final Pattern WALL = Pattern.compile("(?m)^(\\w+)_wall_s: ([0-9.]+)");

  private Peers() {}

  /**
   * @param label the script's name without its extension
   * @param command the command line run
   * @param seconds the wall time the peer printed, else its process's
   * @param output what it printed
   */
  record Result(String label, String command, double seconds, String output) {}

  static Result run(Path dir, List<String> peer) throws IOException, InterruptedException {
    String script = peer.get(0);
    Path file = dir.resolve(script);
    if (!Files.isRegularFile(file)) {
      throw new IOException("--peers: no " + script + " in " + dir);
    }
    List<String> cmd = new ArrayList<>();
    Path tmp = null;
    if (script.endsWith(".c")) {
      tmp = Files.createTempDirectory("basinbench-peer");
      Path exe = tmp.resolve(script.replace(".c", ""));
      exec(List.of("gcc", "-O3", "-march=native", "-pthread", file.toString(), "-o", exe.toString(), "-lm"), dir);
      cmd.add(exe.toString());
    } else {
      cmd.add(Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3");
      cmd.add(file.toString());
    }
    cmd.addAll(peer.subList(1, peer.size()));
    try {
      long t0 = System.nanoTime();
      String out = exec(cmd, dir);
      double process = (System.nanoTime() - t0) / 1e9;
      Matcher m = WALL.matcher(out);
      double seconds = m.find() ? Double.parseDouble(m.group(2)) : process;
      String label = script.substring(0, script.lastIndexOf('.'));
      return new Result(label, String.join(" ", peer), seconds, out);
    } finally {
      if (tmp != null) {
        ScaleBench.delete(tmp);
      }
    }
  }

  private static String exec(List<String> cmd, Path dir) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("OPENBLAS_NUM_THREADS", "1");
    Process p = pb.start();
    byte[] bytes = p.getInputStream().readAllBytes();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new IOException("peer " + String.join(" ", cmd) + " failed:\n" + new String(bytes, StandardCharsets.UTF_8));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
