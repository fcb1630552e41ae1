/**
 * Regression learners: {@link org.coppice.learn.regression.RegressionTree}, the FIMT-DD model tree
 * of Ikonomovska, Gama and Džeroski (2011) as MOA's {@code trees.FIMTDD}, declared as {@code
 * ht-regressor} by {@link org.coppice.learn.regression.RegressionTreeType}; and {@link
 * org.coppice.learn.regression.AdaptiveRandomForestRegressor}, the adaptive random forest regressor
 * of Gomes, Barddal, Ferreira and Bifet (ESANN 2018) as MOA's {@code
 * meta.AdaptiveRandomForestRegressor}, declared as {@code arf-regressor} (the default regression
 * learner) by {@link org.coppice.learn.regression.ArfRegressorType}. The forest's members are the
 * same tree with a random attribute subspace per leaf (MOA's {@code ARFFIMTDD}, a package-private
 * constructor), which is why the forest lives in this package, on the ensemble engine of {@link
 * org.coppice.learn.ensemble}.
 */
package org.coppice.learn.regression;
