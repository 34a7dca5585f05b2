import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { call } from '../../../api'
import { InfoBlock } from '../../../components/info-block'
import type { SimilarCase } from '../../../domain/similarity/burst-api'
import { formatFen } from '../../../domain/money'

// 案例推荐 (docs/bursts-and-similar-cases.md): the 3 closed cases of the site most like this one and
// how each was settled, as a reference for the mediator. The server sends no personal data and no
// free text, only the number, problem type, product and settlement.
type State = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; cases: SimilarCase[] }

const settlement = (c: SimilarCase) => {
  const money = c.amountFen !== null && c.amountFen > 0 ? `，金额 ${formatFen(c.amountFen)}` : ''
  return `${c.outcomeLabel}；处理方式：${c.remedyLabel}${money}`
}

export function SimilarCases({ caseId }: { caseId: string }) {
  const [state, setState] = useState<State>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    void call('station', 'similarCases', { caseId }).then((r) => {
      if (live) setState(r.ok ? { kind: 'ready', cases: r.data.cases } : { kind: 'failed', message: r.error.message })
    })
    return () => {
      live = false
    }
  }, [caseId])
  return (
    <InfoBlock label="相似的已办结案例" className="station-case__similar">
      {state.kind === 'loading' ? <View role="status">正在查找相似案例…</View> : null}
      {state.kind === 'failed' ? <View role="status">暂时无法查看相似案例：{state.message}</View> : null}
      {state.kind === 'ready' && state.cases.length === 0 ? <View>本站近期没有相似的已办结案例。</View> : null}
      {state.kind === 'ready' && state.cases.length > 0 ? (
        <View role="list">
          {state.cases.map((c) => (
            <View key={c.caseId} role="listitem" className="station-case__similar-item">
              <View className="station-case__similar-head">
                {c.caseNo} · {c.problemType}
                {c.product ? ` · ${c.product}` : ''}
                {c.sameMerchant ? '（同一商家）' : ''}
              </View>
              <View>{settlement(c)}</View>
            </View>
          ))}
        </View>
      ) : null}
    </InfoBlock>
  )
}
