package org.basinbench.landscape;

/**
 * One catalogued point of one instance, with the paper's claims about it checked numerically.
 *
 * @param point the point's name ("truth", "U0 = alpha Q2", ...)
 * @param kind "truth" or "spurious"
 * @param reference where the claims come from
 * @param loss the objective at the point
 * @param kktResidual {@code ||min(x, grad f(x))||_F} for nonnegative problems, {@code ||grad f(x)||_F}
 *     otherwise: zero at a (first-order) stationary point
 * @param curvatureMin the smallest Hessian quadratic form found per unit {@code ||dx||^2} over
 *     sampled directions of the critical cone
 * @param curvatureDirections how many directions were sampled
 * @param curvatureBound the paper's lower bound for that minimum (NaN: none stated)
 * @param lossGap {@code loss - loss(truth)}
 * @param deltaFormula the instance's RIP constant from its formula (NaN: none)
 * @param deltaNumeric the RIP constant from the operator's Gram spectrum (NaN: not computed)
 * @param deltaMethod how {@code deltaNumeric} was obtained, or why it was not
 */
public record CertificateRow(
    String point,
    String kind,
    String reference,
    double loss,
    double kktResidual,
    double curvatureMin,
    int curvatureDirections,
    double curvatureBound,
    double lossGap,
    double deltaFormula,
    double deltaNumeric,
    String deltaMethod) {}
