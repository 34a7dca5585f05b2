import { Image, View } from '@tarojs/components'
import { useCallback } from 'react'
import { call } from '../../../../api'
import { useRemote } from '../../../../hooks/use-remote'

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
  const { state } = useRemote(load)
  if (state.status === 'ready') {
    return (
      <Image
        className={`qr-image ${className ?? ''}`}
        mode="aspectFit"
        showMenuByLongpress
        src={`data:${state.data.contentType};base64,${state.data.base64}`}
        ariaLabel="微信绑定小程序码"
      />
    )
  }
  return (
    <View className={`qr-image qr-image--absent ${className ?? ''}`}>
      {state.status === 'failed' ? `${state.error.message}（可让对方输入绑定码）` : '正在生成小程序码…'}
    </View>
  )
}
