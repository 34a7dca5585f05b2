import { useCallback } from 'react'
import { call } from '../../../../api'
import { MiniCodeImage } from '../../../../components/mini-code-image'

// In the mini-program a binding code is shown as its mini-program code (staff.bindingMiniCode:
// page = the binding page, scene = the code): WeChat's scanner opens the binding page, which redeems
// the scene at once. binding-qr.h5.tsx draws the desk's QR of the link instead.
export interface BindingQrProps {
  staffId: string
  /** the code as issued (shown this once) */
  code: string
  className?: string
}

export function BindingQr({ staffId, code, className }: BindingQrProps) {
  const load = useCallback(() => call('staff', 'bindingMiniCode', { staffId, code }), [staffId, code])
  return <MiniCodeImage load={load} ariaLabel="微信绑定小程序码" instead="（可让对方输入绑定码）" className={className} />
}
