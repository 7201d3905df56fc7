package org.basinbench.spec;

import java.util.List;
import org.basinbench.rng.InitDistribution;

/**
 * The cross-field rules between the sections of an experiment, on the bound instances, inits
 * and solvers: adaptive trials and starts tied to a point need a truth; each solver's
 * {@link Requirement}s, checked against every instance with one rule; segment statistics need
 * a smooth loss and the points they run to.
 */
final class Rules {
  private Rules() {}

  static void check(String path, Adaptive adaptive, List<InstanceSpec> boundInstances,
      List<InitDistribution> boundInits, List<List<SolverSpec>> boundSolvers, List<SegmentKind> segments,
      Problems p) {
    // Adaptive rounds decide on outcomes as each round ends; on real data a trial's outcome is
    // decided against the best loss over all trials of the experiment, known only at the end.
    if (adaptive != null) {
      InstanceSpec blind = boundInstances.stream().filter(i -> !i.hasTruth()).findFirst().orElse(null);
      if (blind != null) {
        p.add(path + ".adaptive", "adaptive trials need a family with a known truth, and " + blind.describe()
            + " has none (its outcomes are set against the best loss of all its trials, known only when every"
            + " trial has run); give a fixed \"trials\" instead");
      }
    }
    // "near" a spurious point needs a family that catalogues one; any start tied to a point
    // needs a family that knows one (real data knows neither truth nor spurious point).
    for (InitDistribution init : boundInits) {
      String target = init instanceof InitDistribution.Near near ? near.point()
          : init instanceof InitDistribution.Interpolate in ? in.point() : null;
      InstanceSpec blind = boundInstances.stream().filter(i -> !i.hasTruth()).findFirst().orElse(null);
      if (target != null && blind != null) {
        p.add(path + ".init.point", "init \"" + init.kind() + "\" starts from the " + target + ", and "
            + blind.describe() + " has none: real data has no truth and no catalogued point; use \"half-normal\","
            + " \"uniform\" or \"gaussian\"");
        break;
      }
      if (InitDistribution.Near.SPURIOUS.equals(target)) {
        for (InstanceSpec inst : boundInstances) {
          if (!inst.has(Capability.SPURIOUS_POINT)) {
            p.add(path + ".init.point", "\"spurious\" needs a catalogued spurious point, and " + inst.describe()
                + " has none; use \"truth\"");
            break;
          }
        }
        break;
      }
    }
    // What each solver needs of the family (a gradient, a constraint, two blocks, an NMF or a
    // symmetric sensing loss): one rule, each requirement reported once at its field.
    for (int i = 0; i < boundSolvers.size(); i++) {
      if (boundSolvers.get(i).isEmpty()) {
        continue;
      }
      SolverSpec first = boundSolvers.get(i).get(0);
      for (Requirement req : first.requirements()) {
        for (InstanceSpec inst : boundInstances) {
          if (!req.metBy(inst)) {
            p.add(path + ".solvers[" + i + "]." + req.field(), req.explain(first, inst));
            break;
          }
        }
      }
    }
    // Curvature needs a least-squares loss; init-to-spurious needs a catalogued spurious point.
    if (!segments.isEmpty()) {
      for (InstanceSpec inst : boundInstances) {
        if (!inst.has(Capability.SMOOTH)) {
          p.add(path + ".statistics.segments", "segment curvature needs a least-squares loss, and the loss of "
              + inst.describe() + " is l1; remove \"statistics\"");
          break;
        }
        if (segments.contains(SegmentKind.RANDOM_TO_TRUTH) && !inst.hasTruth()) {
          p.add(path + ".statistics.segments", "\"random-to-truth\" needs the truth, and " + inst.describe()
              + " has none (real data); use \"random-random\" and \"init-to-found\"");
          break;
        }
        if (segments.contains(SegmentKind.INIT_TO_SPURIOUS) && !inst.has(Capability.SPURIOUS_POINT)) {
          p.add(path + ".statistics.segments", "\"init-to-spurious\" needs a catalogued spurious point, and "
              + inst.describe() + " has none");
          break;
        }
      }
    }
  }
}
