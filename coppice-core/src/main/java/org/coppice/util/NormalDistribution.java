package org.coppice.util;

/**
 * The standard normal CDF, computed exactly as MOA's {@code moa.core.Statistics.normalProbability}:
 * the Cephes library's rational approximations of erf (for |x| &lt; 1) and erfc (otherwise), so
 * that split thresholds computed from Gaussian estimators agree with MOA's to the last bit where
 * the inputs do.
 *
 * <p>Reference: S. L. Moshier, Cephes Mathematical Library, {@code ndtr.c} (coefficients are
 * Cephes').
 */
public final class NormalDistribution {
  private static final double SQRT_HALF = 7.07106781186547524401E-1;
  private static final double MAX_LOG = 7.09782712893383996732E2;

  // erf(x) = x * T(x^2) / U(x^2) on |x| <= 1; U is monic (leading 1 omitted).
  private static final double[] ERF_T = {
    9.60497373987051638749E0,
    9.00260197203842689217E1,
    2.23200534594684319226E3,
    7.00332514112805075473E3,
    5.55923013010394962768E4
  };
  private static final double[] ERF_U = {
    3.35617141647503099647E1,
    5.21357949780152679795E2,
    4.59432382970980127987E3,
    2.26290000613890934246E4,
    4.92673942608635921086E4
  };
  // erfc(x) = exp(-x^2) * P(x) / Q(x) on 1 <= x < 8; Q is monic.
  private static final double[] ERFC_P = {
    2.46196981473530512524E-10,
    5.64189564831068821977E-1,
    7.46321056442269912687E0,
    4.86371970985681366614E1,
    1.96520832956077098242E2,
    5.26445194995477358631E2,
    9.34528527171957607540E2,
    1.02755188689515710272E3,
    5.57535335369399327526E2
  };
  private static final double[] ERFC_Q = {
    1.32281951154744992508E1,
    8.67072140885989742329E1,
    3.54937778887819891062E2,
    9.75708501743205489753E2,
    1.82390916687909736289E3,
    2.24633760818710981792E3,
    1.65666309194161350182E3,
    5.57535340817727675546E2
  };
  // erfc(x) = exp(-x^2) * R(x) / S(x) on x >= 8; S is monic.
  private static final double[] ERFC_R = {
    5.64189583547755073984E-1,
    1.27536670759978104416E0,
    5.01905042251180477414E0,
    6.16021097993053585195E0,
    7.40974269950448939160E0,
    2.97886665372100240670E0
  };
  private static final double[] ERFC_S = {
    2.26052863220117276590E0,
    9.39603524938001434673E0,
    1.20489539808096656605E1,
    1.70814450747565897222E1,
    9.60896809063285878198E0,
    3.36907645100081516050E0
  };

  private NormalDistribution() {}

  /** P(Z &le; z) for a standard normal Z. */
  public static double cdf(double z) {
    double x = z * SQRT_HALF;
    double ax = Math.abs(x);
    if (ax < SQRT_HALF) {
      return 0.5 + 0.5 * erf(x);
    }
    double y = 0.5 * erfc(ax);
    return x > 0 ? 1.0 - y : y;
  }

  /** The error function. */
  public static double erf(double x) {
    if (Math.abs(x) > 1.0) {
      return 1.0 - erfc(x);
    }
    double z = x * x;
    return x * horner(z, ERF_T) / hornerMonic(z, ERF_U);
  }

  /** The complementary error function. */
  public static double erfc(double a) {
    double x = Math.abs(a);
    if (x < 1.0) {
      return 1.0 - erf(a);
    }
    double z = -a * a;
    if (z < -MAX_LOG) {
      return a < 0 ? 2.0 : 0.0;
    }
    z = Math.exp(z);
    double p;
    double q;
    if (x < 8.0) {
      p = horner(x, ERFC_P);
      q = hornerMonic(x, ERFC_Q);
    } else {
      p = horner(x, ERFC_R);
      q = hornerMonic(x, ERFC_S);
    }
    double y = (z * p) / q;
    if (a < 0) {
      y = 2.0 - y;
    }
    if (y == 0.0) {
      return a < 0 ? 2.0 : 0.0;
    }
    return y;
  }

  /** c[0] x^n + ... + c[n]. */
  private static double horner(double x, double[] c) {
    double r = c[0];
    for (int i = 1; i < c.length; i++) {
      r = r * x + c[i];
    }
    return r;
  }

  /** x^n + c[0] x^(n-1) + ... + c[n-1]. */
  private static double hornerMonic(double x, double[] c) {
    double r = x + c[0];
    for (int i = 1; i < c.length; i++) {
      r = r * x + c[i];
    }
    return r;
  }
}
