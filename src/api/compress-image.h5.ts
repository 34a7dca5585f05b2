import type { LocalFile } from './upload'

// Photos from a phone camera are often 4000 px and 5 MB or more: on a mall's mobile signal that is
// a long wait. Redrawn on a canvas with the long side at most 2000 px and saved as JPEG (quality
// 0.8) they shrink to a few hundred KB and stay sharp enough to read a receipt. Redrawing also
// drops EXIF (the server strips it again; this way it never leaves the phone).
const MAX_SIDE = 2000
const QUALITY = 0.8
// HEIC (iPhone) only where the browser can decode it (Safari): it then leaves as JPEG, which the server takes
const SHRINKABLE = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif']

function loadImage(blob: Blob): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(blob)
    const img = new Image()
    img.onload = () => {
      URL.revokeObjectURL(url)
      resolve(img)
    }
    img.onerror = () => {
      URL.revokeObjectURL(url)
      reject(new Error('not a readable image'))
    }
    img.src = url // <img> applies the EXIF orientation, so portrait photos stay upright
  })
}

export async function compressImage(file: LocalFile): Promise<LocalFile> {
  if (!file.blob || !SHRINKABLE.includes(file.type)) return file
  try {
    const img = await loadImage(file.blob)
    const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) return file
    ctx.fillStyle = '#ffffff' // a transparent PNG would otherwise turn black in JPEG
    ctx.fillRect(0, 0, canvas.width, canvas.height)
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', QUALITY))
    // a small, already-compressed photo can come out larger: then the original is the better file
    if (!blob || (scale === 1 && blob.size >= file.size)) return file
    const name = file.name.replace(/\.[^.]*$/, '') + '.jpg'
    return { name, size: blob.size, type: 'image/jpeg', blob }
  } catch {
    return file // an image the browser cannot decode goes as it is; the server decides
  }
}
