/**
 * A deterministic engine for adaptive online-bagging ensembles: Poisson(λ) weights from one
 * generator in MOA's order, members with a foreground and a background learner and warning and
 * drift detectors, accuracy- (or error-) weighted shares, and a parallel block test-then-train
 * whose results do not depend on the number of threads. The Adaptive Random Forest classifier
 * ({@link org.coppice.learn.tree.AdaptiveRandomForest}) is built on it.
 *
 * <h2>Building an ensemble learner on the engine</h2>
 *
 * <ol>
 *   <li>Wrap the member learner in a {@link org.coppice.learn.ensemble.BaseLearner} (outputs of a
 *       fixed width; targets as doubles; a background learner is an {@code emptyCopy}).
 *   <li>Give the meaning of the outputs as {@link org.coppice.learn.ensemble.OutputRules}: width,
 *       target, which instances train, the score that accumulates into a member's performance, a
 *       member's share of the ensemble output, and the detectors' input. {@link
 *       org.coppice.learn.ensemble.ClassificationRules} is the ARF's; the {@code OutputRules}
 *       documentation sketches the rules of MOA's {@code AdaptiveRandomForestRegressor}.
 *   <li>Choose the detectors: {@link org.coppice.learn.ensemble.EnsembleSettings} takes factories
 *       of any {@link org.coppice.drift.DriftDetector} (null: none).
 *   <li>Learn with {@link org.coppice.learn.ensemble.EnsembleEngine#learn} or {@link
 *       org.coppice.learn.ensemble.EnsembleEngine#testThenTrain} followed by {@link
 *       org.coppice.learn.ensemble.EnsembleEngine#combined}; predict with {@link
 *       org.coppice.learn.ensemble.EnsembleEngine#predict}; post-process the summed output (argmax,
 *       or divide by the size for a mean).
 *   <li>Save with {@link org.coppice.learn.ensemble.EnsembleCodec}: the engine state at the end of
 *       the learner's header, one section per member, the learner written by a {@link
 *       org.coppice.learn.ensemble.LearnerCodec}, the detectors by a {@link
 *       org.coppice.learn.ensemble.DetectorCodec}.
 * </ol>
 *
 * <p>The engine's test ({@code EnsembleEngineTest}) builds a small regression ensemble this way.
 */
package org.coppice.learn.ensemble;
