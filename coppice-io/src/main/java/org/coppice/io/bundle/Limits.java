package org.coppice.io.bundle;

/**
 * Bounds applied while reading a bundle, checked before anything is allocated. The defaults accept
 * every file a version-1 writer can produce up to 64 GiB; lower them when loading files from
 * untrusted sources into a small heap. Immutable; build with {@link #builder()}.
 */
public final class Limits {
  /** The default limits. */
  public static final Limits DEFAULT = builder().build();

  private final int maxHeaderBytes;
  private final int maxSections;
  private final long maxSectionBytes;
  private final long maxFileBytes;
  private final int maxArrayLength;
  private final int maxManifestBytes;

  private Limits(Builder b) {
    this.maxHeaderBytes = b.maxHeaderBytes;
    this.maxSections = b.maxSections;
    this.maxSectionBytes = b.maxSectionBytes;
    this.maxFileBytes = b.maxFileBytes;
    this.maxArrayLength = b.maxArrayLength;
    this.maxManifestBytes = b.maxManifestBytes;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .maxHeaderBytes(maxHeaderBytes)
        .maxSections(maxSections)
        .maxSectionBytes(maxSectionBytes)
        .maxFileBytes(maxFileBytes)
        .maxArrayLength(maxArrayLength)
        .maxManifestBytes(maxManifestBytes);
  }

  /** Largest accepted header length of {@code model.bin} (default and maximum 1 MiB). */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /** Most sections accepted in {@code model.bin} (default 32,767, the format's maximum). */
  public int maxSections() {
    return maxSections;
  }

  /** Largest accepted section (default and maximum 2 GiB - 1). */
  public long maxSectionBytes() {
    return maxSectionBytes;
  }

  /** Largest accepted {@code model.bin} (default 64 GiB). */
  public long maxFileBytes() {
    return maxFileBytes;
  }

  /** Largest array length any read may accept (default {@code Integer.MAX_VALUE - 8}). */
  public int maxArrayLength() {
    return maxArrayLength;
  }

  /** Largest accepted {@code manifest.json} (default 16 MiB). */
  public int maxManifestBytes() {
    return maxManifestBytes;
  }

  @Override
  public String toString() {
    return "Limits[maxHeaderBytes="
        + maxHeaderBytes
        + ", maxSections="
        + maxSections
        + ", maxSectionBytes="
        + maxSectionBytes
        + ", maxFileBytes="
        + maxFileBytes
        + ", maxArrayLength="
        + maxArrayLength
        + ", maxManifestBytes="
        + maxManifestBytes
        + "]";
  }

  /** Builder for {@link Limits}; every setter checks its argument. */
  public static final class Builder {
    private int maxHeaderBytes = ModelFile.MAX_HEADER_BYTES;
    private int maxSections = ModelFile.MAX_SECTIONS;
    private long maxSectionBytes = ModelFile.MAX_SECTION_BYTES;
    private long maxFileBytes = 64L << 30;
    private int maxArrayLength = Integer.MAX_VALUE - 8;
    private int maxManifestBytes = 16 << 20;

    private Builder() {}

    public Builder maxHeaderBytes(int v) {
      maxHeaderBytes =
          check("maxHeaderBytes", v, ModelFile.HEADER_FIXED_BYTES, ModelFile.MAX_HEADER_BYTES);
      return this;
    }

    public Builder maxSections(int v) {
      maxSections = check("maxSections", v, 0, ModelFile.MAX_SECTIONS);
      return this;
    }

    public Builder maxSectionBytes(long v) {
      maxSectionBytes = check("maxSectionBytes", v, 0, ModelFile.MAX_SECTION_BYTES);
      return this;
    }

    public Builder maxFileBytes(long v) {
      maxFileBytes = check("maxFileBytes", v, ModelFile.PREAMBLE_BYTES, Long.MAX_VALUE);
      return this;
    }

    public Builder maxArrayLength(int v) {
      maxArrayLength = check("maxArrayLength", v, 0, Integer.MAX_VALUE - 8);
      return this;
    }

    public Builder maxManifestBytes(int v) {
      maxManifestBytes = check("maxManifestBytes", v, 2, Integer.MAX_VALUE - 8);
      return this;
    }

    public Limits build() {
      return new Limits(this);
    }

    private static int check(String name, int v, int min, int max) {
      return (int) check(name, (long) v, min, max);
    }

    private static long check(String name, long v, long min, long max) {
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            name + " must be in [" + min + ", " + max + "], got " + v);
      }
      return v;
    }
  }
}
