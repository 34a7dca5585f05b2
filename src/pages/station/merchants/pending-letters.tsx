import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { periodTitle } from '../../../domain/reports/report-figures'
import { useRemote } from '../../../hooks/use-remote'
import './pending-letters.scss'

// 待送达建议书 (docs/analysis-letters.md, "The quarterly run"): after a quarter's end the tick lists every shop of
// the site that had a complaint in it. Each entry opens the shop's page on that quarter, where the letter is
// printed and its delivery recorded — which takes it off this list. Nothing owed (or not a station): nothing
// shown, so the registry page looks as before for most of the quarter.
export function PendingLetters({ onOpen }: { onOpen: (merchantId: string, quarter: string) => void }) {
  const load = useCallback(() => call('station', 'listPendingLetters', {}), [])
  const { state, reload } = useRemote(load)
  // read again on every return to the page (a delivery recorded on the shop's page takes an entry off). Not
  // useRemote's refreshOnShow: this part mounts after the page's first show (under the loaded list), so the
  // show that option skips as "the first" would be the return from the shop's page
  useDidShow(() => void reload())
  if (state.status !== 'ready' || !state.data.length) return null
  return (
    <View className="pending-letters" role="region" aria-labelledby="pending-letters-heading">
      <View className="pending-letters__heading" id="pending-letters-heading" role="heading" aria-level={2}>
        待送达建议书（{state.data.length} 家）
      </View>
      <View className="pending-letters__note">上季度有投诉的商户，请打印消费投诉分析建议书并登记送达；登记后自动移出此列表。</View>
      <View role="list" aria-label="待送达建议书" className="pending-letters__list">
        {state.data.map((p) => (
          <View role="listitem" key={`${p.quarter}:${p.merchantId}`}>
            <ActionButton
              label={`${p.merchantName}，${periodTitle(p.quarter)}，${p.complaints} 件投诉，去送达`}
              variant="secondary"
              onPress={() => onOpen(p.merchantId, p.quarter)}
            />
          </View>
        ))}
      </View>
    </View>
  )
}
