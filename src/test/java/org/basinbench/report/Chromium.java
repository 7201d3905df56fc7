package org.basinbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket on a loopback port that the
 * browser picks), with no download and no network: the test's window onto a real browser.
 * Collects every console error, uncaught exception and error log entry of the page.
 */
final class Chromium implements AutoCloseable {
  /** The flags the report's browser test must use, plus a fresh profile and the DevTools port. */
  static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync");
  static final Duration START_TIMEOUT = Duration.ofSeconds(30);
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  /** The Chromium executable: $CHROMIUM, else chromium, chromium-browser or google-chrome on the PATH; null if none. */
  static Path find() {
    String env = System.getenv("CHROMIUM");
    if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
      return Path.of(env);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** Starts the browser with a fresh profile in {@code profile} and attaches to its first page. */
  static Chromium start(Path executable, Path profile) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(executable.toString());
    cmd.addAll(FLAGS);
    cmd.add("--user-data-dir=" + profile);
    cmd.add("--remote-debugging-address=127.0.0.1");
    cmd.add("--remote-debugging-port=0");
    cmd.add("about:blank");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(profile.resolveSibling(profile.getFileName() + ".log").toFile()).start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      List<String> lines = List.of();
      while (lines.size() < 2) {
        if (!p.isAlive()) {
          throw new IOException("chromium exited with code " + p.exitValue() + " before it listened");
        }
        if (System.nanoTime() > deadline) {
          throw new IOException("chromium did not write " + portFile + " within " + START_TIMEOUT);
        }
        Thread.sleep(100);
        if (Files.exists(portFile)) {
          lines = Files.readAllLines(portFile);
        }
      }
      int port = Integer.parseInt(lines.get(0).trim());
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
      String pageSocket = null;
      while (pageSocket == null) {
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/json/list")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode t : JSON.readTree(list.body())) {
          if ("page".equals(t.path("type").asText())) {
            pageSocket = t.path("webSocketDebuggerUrl").asText();
            break;
          }
        }
        if (pageSocket == null) {
          if (System.nanoTime() > deadline) {
            throw new IOException("chromium opened no page within " + START_TIMEOUT);
          }
          Thread.sleep(100);
        }
      }
      Listener listener = new Listener();
      WebSocket ws = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
          .buildAsync(URI.create(pageSocket), listener).get(10, TimeUnit.SECONDS);
      Chromium c = new Chromium(p, ws);
      listener.owner = c;
      c.call("Runtime.enable", null);
      c.call("Log.enable", null);
      c.call("Page.enable", null);
      return c;
    } catch (Exception e) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      if (e instanceof IOException io) {
        throw io;
      }
      throw new IOException("could not attach to chromium: " + e, e);
    }
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode call(String method, ObjectNode params) throws IOException {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode();
    msg.put("id", id);
    msg.put("method", method);
    msg.set("params", params == null ? JSON.createObjectNode() : params);
    CompletableFuture<JsonNode> f = new CompletableFuture<>();
    pending.put(id, f);
    try {
      socket.sendText(JSON.writeValueAsString(msg), true).get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      JsonNode r = f.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      if (r.has("error")) {
        throw new IOException(method + " failed: " + r.get("error"));
      }
      return r.path("result");
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(method + ": " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  /** Opens {@code url} in the page. */
  void navigate(String url) throws IOException {
    ObjectNode p = JSON.createObjectNode();
    p.put("url", url);
    call("Page.navigate", p);
  }

  /** The value of a JavaScript expression (JSON-serializable), evaluated in the page. */
  JsonNode evaluate(String expression) throws IOException {
    ObjectNode p = JSON.createObjectNode();
    p.put("expression", expression);
    p.put("returnByValue", true);
    JsonNode r = call("Runtime.evaluate", p);
    if (r.has("exceptionDetails")) {
      throw new IOException("evaluating " + expression + ": " + r.get("exceptionDetails"));
    }
    return r.path("result").path("value");
  }

  /** A PNG of the whole page at {@code width} CSS pixels. */
  byte[] screenshot(int width) throws IOException {
    JsonNode metrics = call("Page.getLayoutMetrics", null);
    int height = (int) Math.ceil(metrics.path("cssContentSize").path("height").asDouble(1000));
    ObjectNode p = JSON.createObjectNode();
    p.put("format", "png");
    p.put("captureBeyondViewport", true);
    ObjectNode clip = p.putObject("clip");
    clip.put("x", 0).put("y", 0).put("width", width).put("height", Math.min(height, 16_000)).put("scale", 1);
    return Base64.getDecoder().decode(call("Page.captureScreenshot", p).path("data").asText());
  }

  /** Sets the viewport size. */
  void viewport(int width, int height) throws IOException {
    ObjectNode p = JSON.createObjectNode();
    p.put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false);
    call("Emulation.setDeviceMetricsOverride", p);
  }

  /** Console errors, uncaught exceptions and error log entries seen so far. */
  List<String> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  private void event(JsonNode msg) {
    JsonNode p = msg.path("params");
    switch (msg.path("method").asText()) {
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asText();
        if (type.equals("error") || type.equals("assert")) {
          errors.add("console." + type + ": " + p.path("args"));
        }
      }
      case "Runtime.exceptionThrown" -> errors.add("exception: " + p.path("exceptionDetails"));
      case "Log.entryAdded" -> {
        if (p.path("entry").path("level").asText().equals("error")) {
          errors.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
        }
      }
      case "Page.javascriptDialogOpening" -> errors.add("dialog: " + p.path("message").asText());
      default -> { }
    }
  }

  private static final class Listener implements WebSocket.Listener {
    volatile Chromium owner;
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          JsonNode msg = JSON.readTree(text);
          Chromium c = owner;
          if (msg.has("id")) {
            CompletableFuture<JsonNode> f = c == null ? null : c.pending.get(msg.get("id").asInt());
            if (f != null) {
              f.complete(msg);
            }
          } else if (c != null) {
            c.event(msg);
          }
        } catch (IOException e) {
          // A frame that is not JSON: not from DevTools; ignore it.
        }
      }
      ws.request(1);
      return null;
    }
  }

  /** Closes the connection and ends the browser process (and its children) by PID. */
  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // The browser is killed below either way.
    }
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
