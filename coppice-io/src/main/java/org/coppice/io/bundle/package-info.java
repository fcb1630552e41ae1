/**
 * Model bundles: a directory holding {@code manifest.json} ({@link org.coppice.io.bundle.Manifest})
 * and {@code model.bin} ({@link org.coppice.io.bundle.ModelFileWriter}, {@link
 * org.coppice.io.bundle.ModelFileReader}), written atomically by {@link
 * org.coppice.io.bundle.BundleWriter} and verified by {@link org.coppice.io.bundle.BundleReader}.
 * The byte layout and the crash-safety argument are in {@code docs/FORMAT.md}.
 */
package org.coppice.io.bundle;
