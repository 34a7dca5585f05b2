import { useQrDataUrl } from '../hooks/use-qr-data-url'
import type { QrImageProps } from './qr-image'
import './qr-image.scss'

// H5: the code as an <img> with its purpose as alt text. data-qr-text names what it encodes, for
// staff who inspect the page; tests check the image itself against the expected URL.
export function QrImage({ value, label, className }: QrImageProps) {
  const src = useQrDataUrl(value)
  if (!src) return <span className={`qr-image qr-image--loading ${className ?? ''}`} role="img" aria-label={`${label}（生成中）`} />
  return <img className={`qr-image ${className ?? ''}`} src={src} alt={label} data-qr-text={value} />
}
