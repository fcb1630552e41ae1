package org.coppice.util;

/**
 * Poisson draws exactly as MOA's {@code MiscUtils.poisson}, used by online bagging (Oza and Russell
 * 2001) in the Adaptive Random Forest: inversion with one uniform per draw for λ &lt; 100, capped
 * at max(100, 10·⌈λ⌉) − 1; a rounded-down normal approximation otherwise.
 */
public final class Poisson {
  private Poisson() {}

  /** One draw from Poisson(λ) using {@code random}. */
  public static int draw(double lambda, JavaRandom random) {
    return draw(lambda, Math.exp(lambda), random);
  }

  /**
   * One draw from Poisson(λ), with {@code expLambda} = {@code Math.exp(lambda)} computed once by
   * the caller (the same value MOA computes on every draw, so the draws are identical).
   */
  public static int draw(double lambda, double expLambda, JavaRandom random) {
    if (lambda < 100.0) {
      double product = 1.0;
      double sum = 1.0;
      double threshold = random.nextDouble() * expLambda;
      int i = 1;
      int max = Math.max(100, 10 * (int) Math.ceil(lambda));
      while (i < max && sum <= threshold) {
        product *= lambda / i;
        sum += product;
        i++;
      }
      return i - 1;
    }
    double x = lambda + Math.sqrt(lambda) * random.nextGaussian();
    return x < 0.0 ? 0 : (int) Math.floor(x);
  }
}
