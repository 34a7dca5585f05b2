import { Image, View } from '@tarojs/components'
import { useCallback } from 'react'
import { call } from '../../../api'
import { useRemote } from '../../../hooks/use-remote'
import type { PosterItem } from '../../../components/poster-sheet'

// In the mini-program the poster carries the shop's mini-program code (wxacode.getUnlimited with
// the shop code as `scene`), which WeChat's scanner opens straight into the complaint form.
// poster-qr.h5.tsx draws the H5 entry URL instead.
export function PosterQr({ item }: { item: PosterItem }) {
  const load = useCallback(() => call('registry', 'miniCode', { merchantId: item.merchantId }), [item.merchantId])
  const { state } = useRemote(load)
  if (state.status === 'ready') {
    return (
      <Image
        className="poster-qr"
        mode="aspectFit"
        showMenuByLongpress
        src={`data:${state.data.contentType};base64,${state.data.base64}`}
        ariaLabel={`${item.name} 的小程序码`}
      />
    )
  }
  return (
    <View className="poster-qr poster-qr--text">
      {state.status === 'failed' ? `${state.error.message}（商户码 ${item.code}）` : '正在生成小程序码…'}
    </View>
  )
}
