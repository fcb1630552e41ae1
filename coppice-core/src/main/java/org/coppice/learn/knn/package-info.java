/**
 * Lazy learners: {@link org.coppice.learn.knn.Knn}, k nearest neighbours over a sliding window as
 * MOA's {@code lazy.kNN}, declared as {@code knn} by {@link org.coppice.learn.knn.KnnType}.
 */
package org.coppice.learn.knn;
