package org.coppice.learn.registry;

/**
 * What a learner can do beyond predicting and learning.
 *
 * @param savable its state can be saved as a bundle and loaded again
 * @param freezable it has a smaller inference-only form that predicts the same
 * @param parallel it trains on several threads ({@code threads} setting) with results that do not
 *     depend on the thread count
 */
public record Capabilities(boolean savable, boolean freezable, boolean parallel) {}
