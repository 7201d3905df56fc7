package org.basinbench.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad command-line arguments, as picocli finds them: one {@code basinbench: ...} line naming the
 * command and the option, a "did you mean" for a near miss, exit code 2.
 */
final class ArgumentErrors implements IParameterExceptionHandler {
  private final Printer printer;

  ArgumentErrors(Printer printer) {
    this.printer = printer;
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    printer.error(message(e));
    return Main.INVALID;
  }

  static String message(ParameterException e) {
    CommandLine cl = e.getCommandLine();
    String cmd = cl.getCommandName();
    String see = " (see 'basinbench " + (cl.getParent() == null ? "" : cmd + " ") + "--help')";
    // An unknown option first, even when picocli stopped at a missing parameter: it may be the cause.
    List<String> unmatched = e instanceof UnmatchedArgumentException u ? u.getUnmatched() : cl.getUnmatchedArguments();
    if (!unmatched.isEmpty()) {
      String arg = unmatched.get(0);
      if (arg.startsWith("-")) {
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        List<String> options = new ArrayList<>();
        cl.getCommandSpec().options().stream().filter(o -> !o.hidden()).forEach(o -> options.add(o.longestName()));
        return "unknown option " + name + " for '" + cmd + "'" + hint(name, options, "options of '" + cmd + "'");
      }
      if (!cl.getSubcommands().isEmpty() && cl.getCommandSpec().positionalParameters().isEmpty()) {
        return "unknown command '" + arg + "'" + hint(arg, cl.getSubcommands().keySet(), "commands") + see;
      }
      return "'" + cmd + "' takes " + takes(cl) + ", got also: " + String.join(" ", unmatched) + see;
    }
    if (e instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
      ArgSpec missing = m.getMissing().get(0);
      if (missing instanceof OptionSpec o) {
        return "option " + o.longestName() + " needs a value" + (o.paramLabel().isEmpty() ? "" : " (" + o.paramLabel()
            + ")");
      }
      if (missing instanceof PositionalParamSpec p) {
        return "'" + cmd + "' needs " + (p.arity().max() > 1 ? "at least one " : "") + p.paramLabel() + see;
      }
    }
    return e.getMessage() + see;
  }

  /** What the positional parameters of a command allow: "no arguments", "one OUT". */
  private static String takes(CommandLine cl) {
    List<PositionalParamSpec> ps = cl.getCommandSpec().positionalParameters();
    return ps.isEmpty() ? "no arguments" : "one " + ps.get(0).paramLabel();
  }

  /** "; did you mean X?" for a near miss, else "; WHAT: A, B, C". */
  private static String hint(String typed, Collection<String> names, String what) {
    List<String> near = near(typed, names);
    return near.isEmpty() ? "; " + what + ": " + String.join(", ", names)
        : "; did you mean " + String.join(" or ", near) + "?";
  }

  /**
   * The names that {@code typed} is a near miss of: it abbreviates them, or is within an edit
   * distance of about a third of its length (at least 1). Dashes do not count.
   */
  static List<String> near(String typed, Collection<String> names) {
    String t = strip(typed);
    List<String> near = new ArrayList<>();
    for (String name : names) {
      String n = strip(name);
      if (!t.isEmpty() && (n.startsWith(t) || distance(t, n) <= Math.max(1, t.length() / 3))) {
        near.add(name);
      }
    }
    return near;
  }

  private static String strip(String s) {
    return s.replace("-", "").toLowerCase(Locale.ROOT);
  }

  /** Levenshtein distance, transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      for (int j = 0; j <= b.length(); j++) {
        if (i == 0 || j == 0) {
          d[i][j] = i + j;
          continue;
        }
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
