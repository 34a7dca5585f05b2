import { IMAGE_FORMATS, type ImageFormat, type ImageInfo, type Images, type ImageLimits } from '../../ports/media'

// The Images port on sharp (libvips). sharp is a native module: it is loaded on first use, not when
// this file is imported, so a composition that wires it but never handles a photo never loads it,
// and a broken native install fails the one upload, not every action of the function.

type Sharp = (typeof import('sharp'))['default']

let loading: Promise<Sharp> | undefined

function loadSharp(): Promise<Sharp> {
  const pending = (loading ??= import('sharp').then((m) => m.default))
  pending.catch(() => {
    loading = undefined // a failed load is tried again by the next upload
  })
  return pending
}

const isOurFormat = (format: string | undefined): format is ImageFormat => (IMAGE_FORMATS as readonly string[]).includes(format ?? '')

export const sharpImages: Images = {
  async probe(bytes): Promise<ImageInfo | null> {
    const sharp = await loadSharp()
    try {
      // metadata() reads the header only; no pixel cap is needed for that
      const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
      if (!meta.width || !meta.height) return null
      return { format: isOurFormat(meta.format) ? meta.format : null, width: meta.width, height: meta.height }
    } catch {
      return null
    }
  },

  async reencode(bytes, format, limits: ImageLimits) {
    const sharp = await loadSharp()
    try {
      // `.rotate()` applies the EXIF orientation first; without `withMetadata` sharp writes no EXIF,
      // GPS, XMP or ICC. failOn 'error': a corrupt or truncated image is refused, not half-decoded.
      const image = sharp(bytes, { limitInputPixels: limits.maxInputPixels, failOn: 'error' }).rotate()
      const encoded = format === 'png' ? image.png() : format === 'webp' ? image.webp({ quality: 90 }) : image.jpeg({ quality: 90 })
      return new Uint8Array(await encoded.toBuffer())
    } catch {
      return null
    }
  },
}
