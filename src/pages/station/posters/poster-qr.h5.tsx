import { QrImage } from '../../../components/qr-image'
import type { PosterItem } from '../../../components/poster-sheet'

// H5 (the local host): the QR carries the shop's short entry URL on this server, /s/<code>, which
// redirects to the complaint form. Short URLs make sparse codes that scan from across a counter.
export function PosterQr({ item }: { item: PosterItem }) {
  return <QrImage className="poster-qr" value={`${window.location.origin}${item.entryPath}`} label={`${item.name} 的投诉二维码`} />
}
