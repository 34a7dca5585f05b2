import { QrImage } from './qr-image'
import type { InviteQrProps } from './invite-qr'

// H5: the invite as a QR of the join link (the clerk's phone browser opens it); the mini-program
// build shows the invite's mini-program code instead (invite-qr.tsx).
export function InviteQr({ url, className }: InviteQrProps) {
  return <QrImage className={className} value={url} label="店员绑定邀请二维码" />
}
