import './print.h5.scss'

// H5: the browser's own print dialog. The print stylesheet is loaded only here, so the
// mini-program's styles never carry @media print rules.
export const canPrint: boolean = true
export function printPage(): void {
  window.print()
}
