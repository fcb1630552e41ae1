/**
 * Regression learners: {@link org.coppice.learn.regression.RegressionTree}, the FIMT-DD model tree
 * of Ikonomovska, Gama and Džeroski (2011) as MOA's {@code trees.FIMTDD}, declared as {@code
 * ht-regressor} by {@link org.coppice.learn.regression.RegressionTreeType}. The same tree with a
 * random attribute subspace per leaf (MOA's {@code ARFFIMTDD}) is the member of an adaptive random
 * forest regressor (package-private constructor).
 */
package org.coppice.learn.regression;
