import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { ActionOutput } from '../domain/api/contract'
import './poster-sheet.scss'

// One shop's A4 poster, the thing a shopper sees at the counter: the shop's name, the code to scan,
// "扫码投诉 无需注册", the shop's double commitment in words (only if it signed — a poster never
// promises what the shop did not), and the station with its phone for those who would rather call.
// The code itself comes from the page: the H5 entry URL drawn locally, or the mini-program code.
export type PosterItem = ActionOutput<'registry', 'posterData'>['items'][number]

const LONG_NAME = 10

export function PosterSheet({ item, qr }: { item: PosterItem; qr: ReactNode }) {
  return (
    <View className="poster-sheet" role="group" aria-label={`${item.name} 的投诉二维码海报`} data-merchant={item.code}>
      <View className="poster-sheet__band">消费维权 · 现场投诉</View>
      {/* a long registered name gets a smaller size rather than pushing the code off the sheet */}
      <View className={`poster-sheet__name ${item.name.length > LONG_NAME ? 'poster-sheet__name--long' : ''}`}>{item.name}</View>
      {item.booth ? <View className="poster-sheet__booth">铺位 {item.booth}</View> : null}
      <View className="poster-sheet__qr">{qr}</View>
      <View className="poster-sheet__call">扫码投诉 无需注册</View>
      {item.commitment ? (
        <View className="poster-sheet__promise">
          <View className="poster-sheet__promise-label">本店承诺</View>
          <View className="poster-sheet__promise-text">{item.commitment}</View>
        </View>
      ) : null}
      <View className="poster-sheet__foot">
        <View className="poster-sheet__station">{item.siteName} 消费维权服务站</View>
        <View className="poster-sheet__hotline">维权电话 {item.hotline}</View>
        <View className="poster-sheet__code">商户码 {item.code}</View>
      </View>
    </View>
  )
}
