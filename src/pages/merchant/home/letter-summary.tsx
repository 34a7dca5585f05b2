import { View } from '@tarojs/components'
import { useCallback } from 'react'
import { call } from '../../../api'
import { useRemote } from '../../../hooks/use-remote'
import './letter-summary.scss'

// 本季度投诉分析 (issue 19.3, docs/analysis-letters.md): the shop's three most frequent complaint problems this
// quarter with one line of advice each — the short form of the 消费投诉分析建议书 the station prints. The server
// decides the shop from the caller (its own shop only) and counts complaints only, never a report. A failure
// here hides the block: the rest of the home page does not depend on it.
export function LetterSummary() {
  const load = useCallback(() => call('merchant', 'letterSummary', {}), [])
  const { state } = useRemote(load, { refreshOnShow: true })
  if (state.status !== 'ready') return null
  const { periodLabel, volume, top } = state.data
  return (
    <View className="letter-summary" role="region" aria-label="本季度投诉分析">
      <View className="letter-summary__title" role="heading" aria-level={2}>
        本季度投诉分析
      </View>
      <View className="letter-summary__period">
        {periodLabel} · 共 {volume} 件投诉
      </View>
      {top.length ? (
        <View role="list" aria-label="主要问题与建议">
          {top.map((p, i) => (
            <View role="listitem" key={p.problemType} className="letter-summary__item">
              <View className="letter-summary__problem">
                {i + 1}. {p.problemType}（{p.volume} 件）
              </View>
              <View className="letter-summary__advice">建议：{p.advice}</View>
            </View>
          ))}
        </View>
      ) : (
        <View className="letter-summary__empty">本季度暂无投诉，请继续保持。</View>
      )}
    </View>
  )
}
