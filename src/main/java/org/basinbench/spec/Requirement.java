package org.basinbench.spec;

import java.util.Set;

/**
 * What a solver needs of a family: at least one of {@code anyOf} among the instance's
 * {@link Capability capabilities}. The validator reports an unmet requirement at the solver's
 * field {@code field}, with {@code message}, in which {@code %1$s} stands for the solver's name
 * and {@code %2$s} for the instance's description.
 *
 * @param field the solver field the message is reported at ("name", "blocks", ...)
 * @param anyOf the capabilities of which the instance must offer one
 * @param message the message template
 */
public record Requirement(String field, Set<Capability> anyOf, String message) {
  public Requirement {
    anyOf = Set.copyOf(anyOf);
    if (anyOf.isEmpty()) {
      throw new IllegalArgumentException("a requirement names at least one capability");
    }
  }

  /** A requirement of one capability, reported at the solver's name. */
  public static Requirement of(Capability c, String message) {
    return new Requirement("name", Set.of(c), message);
  }

  /** Whether an instance meets it. */
  public boolean metBy(InstanceSpec instance) {
    return anyOf.stream().anyMatch(instance.capabilities()::contains);
  }

  /** The message for a solver and an instance that does not meet it. */
  public String explain(SolverSpec solver, InstanceSpec instance) {
    return String.format(message, solver.name(), instance.describe());
  }

  /** The gradient solvers' requirement: a smooth loss. */
  public static Requirement smooth() {
    return of(Capability.SMOOTH, "solver \"%1$s\" needs a gradient, but the loss of %2$s is nonsmooth (l1);"
        + " use \"subgradient\"");
  }

  /** The projecting solvers' requirement: a family solved over U >= 0. */
  public static Requirement nonnegative() {
    return of(Capability.NONNEGATIVE, "solver \"%1$s\" keeps the variable >= 0, but %2$s is solved without"
        + " constraints; use \"gd\"");
  }
}
