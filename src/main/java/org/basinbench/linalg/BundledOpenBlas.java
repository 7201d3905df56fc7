package org.basinbench.linalg;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * The OpenBLAS that BasinBench brings ({@code org.bytedeco:openblas}, natives for linux-x86_64
 * and linux-arm64 inside the jar): JavaCPP extracts it into its cache ({@code ~/.javacpp/cache},
 * or {@code -Dorg.bytedeco.javacpp.cachedir}) and loads it, and {@link Blas} hands the file to
 * netlib's JNI. The x86_64 build has DYNAMIC_ARCH: at load it picks the kernels ("core") for
 * the CPU it runs on, so nothing has to name the CPU; {@code OPENBLAS_CORETYPE} is never set
 * here (naming a core whose instructions the CPU lacks kills the JVM with SIGILL), but one set
 * in the environment still overrides the choice, and {@link Library#describe()} says so.
 */
final class BundledOpenBlas {
  /** System property: {@code off} skips the bundled library as if it could not load (tests, diagnosis). */
  static final String SWITCH = "basinbench.blas.bundled";

  /**
   * OpenBLAS's display names of the kernel tables of a DYNAMIC_ARCH build for x86_64
   * ({@code driver/others/dynamic.c}): the table in use is the one {@code gotoblas} points to.
   * The binding does not expose {@code openblas_get_corename()}, and JavaCPP can read a
   * pointer but not call an unbound C function, so the core is found by comparing addresses.
   */
  private static final Map<String, String> CORES = Map.ofEntries(
      Map.entry("KATMAI", "Katmai"), Map.entry("COPPERMINE", "Coppermine"), Map.entry("NORTHWOOD", "Northwood"),
      Map.entry("PRESCOTT", "Prescott"), Map.entry("BANIAS", "Banias"), Map.entry("ATOM", "Atom"),
      Map.entry("CORE2", "Core2"), Map.entry("PENRYN", "Penryn"), Map.entry("DUNNINGTON", "Dunnington"),
      Map.entry("NEHALEM", "Nehalem"), Map.entry("ATHLON", "Athlon"), Map.entry("OPTERON", "Opteron"),
      Map.entry("OPTERON_SSE3", "Opteron_SSE3"), Map.entry("BARCELONA", "Barcelona"), Map.entry("NANO", "Nano"),
      Map.entry("SANDYBRIDGE", "Sandybridge"), Map.entry("BOBCAT", "Bobcat"), Map.entry("BULLDOZER", "Bulldozer"),
      Map.entry("PILEDRIVER", "Piledriver"), Map.entry("HASWELL", "Haswell"), Map.entry("STEAMROLLER", "Steamroller"),
      Map.entry("EXCAVATOR", "Excavator"), Map.entry("ZEN", "Zen"), Map.entry("SKYLAKEX", "SkylakeX"),
      Map.entry("COOPERLAKE", "Cooperlake"), Map.entry("SAPPHIRERAPIDS", "SapphireRapids"));

  private BundledOpenBlas() {}

  /**
   * The loaded library.
   *
   * @param path    the shared library netlib is to open, in JavaCPP's cache
   * @param version e.g. "OpenBLAS 0.3.31"
   * @param core    the kernels in use, e.g. "Haswell"; how they were chosen is in {@code how}
   * @param how     "chosen at load for this CPU", "fixed at build" or "from OPENBLAS_CORETYPE=..."
   */
  record Library(Path path, String version, String core, String how) {
    /** E.g. {@code OpenBLAS 0.3.31 (bundled, core SkylakeX)}. */
    String describe() {
      return version + " (bundled, core " + core + (how.startsWith("from") ? ", " + how : "") + ")";
    }
  }

  /** Why the bundled library is not used: a message for the manifest and {@code bench kernels}. */
  static final class Unavailable extends Exception {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  /**
   * Loads the bundled OpenBLAS into this JVM (once; later calls return the same file), limited
   * to one thread: Spark's tasks are the parallelism, and a threaded BLAS in each would
   * oversubscribe the cores (the launchers also set {@code OPENBLAS_NUM_THREADS=1}, which
   * keeps OpenBLAS from starting its thread pool at all).
   *
   * @throws Unavailable when it is switched off, the platform has no natives in the jar, or
   *     JavaCPP cannot extract or load them (no writable cache directory, too old a GLIBC)
   */
  static Library load() throws Unavailable {
    if ("off".equals(System.getProperty(SWITCH))) {
      throw new Unavailable("switched off by -D" + SWITCH + "=off");
    }
    try {
      // Without natives for this platform in the jar, JavaCPP would go on to load whatever
      // libopenblas the system has: ask for none then.
      String platform = Loader.getPlatform();
      if (BundledOpenBlas.class.getResource("/org/bytedeco/openblas/" + platform + "/libopenblas.so.0") == null) {
        throw new Unavailable("no OpenBLAS natives for " + platform + " on the class path");
      }
      Loader.load(openblas_nolapack.class);
      // The platform's libopenblas, extracted (under the name the binding links against) and
      // loaded by JavaCPP; only a file in JavaCPP's cache is the bundled one.
      String loaded = Loader.getLoadedLibraries().get("openblas_nolapack@.0");
      if (loaded == null) {
        throw new Unavailable("JavaCPP loaded no libopenblas_nolapack");
      }
      Path path = Path.of(loaded).toAbsolutePath();
      Path cache = Loader.getCacheDir().toPath().toAbsolutePath();
      if (!path.startsWith(cache) || !Files.isRegularFile(path)) {
        throw new Unavailable("JavaCPP loaded " + path + ", not a file of the bundle in " + cache);
      }
      org.bytedeco.openblas.presets.openblas_nolapack.blas_set_num_threads(1);
      String version = openblas_nolapack.OPENBLAS_VERSION.trim();
      Pointer table = Loader.addressof("gotoblas");
      if (table == null) {
        return new Library(path, version, buildCore(), "fixed at build");
      }
      long inUse = new PointerPointer<Pointer>(table).get().address();
      String core = "unidentified";
      for (Map.Entry<String, String> e : CORES.entrySet()) {
        Pointer candidate = Loader.addressof("gotoblas_" + e.getKey());
        if (candidate != null && candidate.address() == inUse) {
          core = e.getValue();
          break;
        }
      }
      // OpenBLAS takes a core named in the environment over its own choice (and ignores a
      // name it does not know): say so, since such a setting outlives the CPU it was meant for.
      String forced = System.getenv("OPENBLAS_CORETYPE");
      String how = forced != null && forced.equalsIgnoreCase(core) ? "from OPENBLAS_CORETYPE=" + forced
          : "chosen at load for this CPU";
      return new Library(path, version, core, how);
    } catch (IOException | UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new Unavailable(message.lines().findFirst().orElse(message));
    }
  }

  /**
   * The core a build without DYNAMIC_ARCH (the linux-arm64 one: ARMV8) was made for, from the
   * platform's {@code openblas_config.h} (the Java constant holds the x86_64 build's).
   */
  private static String buildCore() {
    String header = "/org/bytedeco/openblas/" + Loader.getPlatform() + "/include/openblas_config.h";
    try (InputStream in = BundledOpenBlas.class.getResourceAsStream(header)) {
      if (in != null) {
        String prefix = "#define OPENBLAS_CHAR_CORENAME ";
        for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
          if (line.startsWith(prefix)) {
            return line.substring(prefix.length()).replace("\"", "").trim();
          }
        }
      }
    } catch (IOException e) {
      // Fall through: the name is provenance, not a condition of use.
    }
    return "unknown";
  }
}
