/**
 * Seeded synthetic data streams after MOA 2024.07's generators (SEA, Agrawal, rotating hyperplane,
 * random RBF, LED, STAGGER, random tree) and MOA's sigmoid {@link
 * org.coppice.gen.ConceptDriftStream}, plus {@link org.coppice.gen.StreamSpecs}, the text syntax
 * the command line uses to name them.
 *
 * <p>Every generator draws from {@link org.coppice.util.JavaRandom} in MOA's order, so with the
 * same seeds it produces MOA's instances; each class says whether it is draw-for-draw identical to
 * MOA and where it departs from it.
 */
package org.coppice.gen;
