// What evidence intake needs from an image library, so that no service imports one. A photo's
// EXIF can say where it was taken (often the shopper's home); the cure is to decode the pixels and
// encode them again, which leaves every metadata block behind. Video and audio need no library:
// their metadata sits in container boxes and tags that plain code removes (services/evidence).

export const IMAGE_FORMATS = ['jpeg', 'png', 'webp'] as const
export type ImageFormat = (typeof IMAGE_FORMATS)[number]

/** What the decoder itself says an image is: its real format and its stored pixel size. */
export interface ImageInfo {
  /** null when the decoder knows the format but it is none we take (gif, heif, tiff…) */
  format: ImageFormat | null
  width: number
  height: number
}

export interface ImageLimits {
  /** refuse to decode more pixels than this: a tiny file can claim a 20 000 × 20 000 canvas */
  maxInputPixels: number
}

export interface Images {
  /** Read the header only (no pixels are decoded); null when it is no image the decoder can read. Never throws. */
  probe(bytes: Uint8Array): Promise<ImageInfo | null>
  /**
   * Decode and encode again in `format`, turned upright by its EXIF orientation (so it still looks as
   * it did), with no metadata at all: no EXIF, GPS, XMP, IPTC or ICC. null when the image is corrupt,
   * truncated, or over the pixel limit. Never throws for bad input.
   */
  reencode(bytes: Uint8Array, format: ImageFormat, limits: ImageLimits): Promise<Uint8Array | null>
}

/**
 * For a composition that takes no files in (every cloud function but `consumer`): they do not
 * install the image library at all. Reaching it there is a wiring mistake, so it throws, and the
 * dispatcher answers INTERNAL and logs it, rather than telling a person their photo is unreadable.
 */
export const noImages: Images = {
  probe: () => Promise.reject(new Error('this composition has no image library: wire an Images adapter')),
  reencode: () => Promise.reject(new Error('this composition has no image library: wire an Images adapter')),
}
