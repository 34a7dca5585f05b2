import { Image, View } from '@tarojs/components'
import type { Result } from '../domain/errors'
import { useRemote } from '../hooks/use-remote'

// A mini-program code drawn by a cloud function (wxacode.getUnlimited: page = where the scan lands,
// scene = the one-time code), shown so it can be scanned or long-pressed to save and forward. While it
// is drawn, and when WeChat cannot draw it, the box says so and how to do without it (type the code).
export interface MiniCodeImageProps {
  /** the cloud call that draws it; keep it stable (useCallback), it runs again when it changes */
  load: () => Promise<Result<{ contentType: string; base64: string }>>
  ariaLabel: string
  /** appended to the error: what to do instead, e.g. （可让店员输入邀请码） */
  instead: string
  className?: string
}

export function MiniCodeImage({ load, ariaLabel, instead, className }: MiniCodeImageProps) {
  const { state } = useRemote(load)
  if (state.status === 'ready') {
    return (
      <Image
        className={`qr-image ${className ?? ''}`}
        mode="aspectFit"
        showMenuByLongpress
        src={`data:${state.data.contentType};base64,${state.data.base64}`}
        ariaLabel={ariaLabel}
      />
    )
  }
  return (
    <View className={`qr-image qr-image--absent ${className ?? ''}`}>
      {state.status === 'failed' ? `${state.error.message}${instead}` : '正在生成小程序码…'}
    </View>
  )
}
