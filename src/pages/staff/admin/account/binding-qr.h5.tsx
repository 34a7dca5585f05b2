import { QrImage } from '../../../../components/qr-image'
import { BINDING_PAGE } from '../../../../domain/staff/staff-api'
import type { BindingQrProps } from './binding-qr'

// H5 (the desk): a QR of the binding page's link with the code. The mini-program's 扫描绑定二维码
// reads the code out of such a link (codeFromScan), so the person scans the desk's screen from
// WeChat; the weapp build draws a mini-program code instead (binding-qr.tsx).
export const bindingLink = (code: string) => `${window.location.origin}/#/${BINDING_PAGE}?code=${encodeURIComponent(code)}`

export function BindingQr({ code, className }: BindingQrProps) {
  return <QrImage className={className} value={bindingLink(code)} label="微信绑定二维码" />
}
