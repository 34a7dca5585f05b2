import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { EmptyState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import type { BurstAlertView, BurstSettingsView } from '../../../domain/similarity/burst-api'
import { formatShanghaiDateTime } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { BurstRuleForm } from './rule-form'
import './index.scss'

// 突发消费事件 (docs/bursts-and-similar-cases.md): the site's alerts with their cases, and the two
// group actions, each behind a confirmation that says what will happen. No personal data is shown.
/** what the alert is about: a shop's similar complaints, a product's, or a shop's day against its own baseline */
const BASIS_LABELS: Record<BurstAlertView['basis'], string> = { merchant: '商家', product: '商品', baseline: '商家投诉量骤增' }
const MEDIATION_REASON = '同一批相似投诉，由站点统一组织调解'
/** the alert's window in hours: the site's own when it was raised (预警条件), 24 by default */
const windowHoursOf = (a: BurstAlertView) => Math.round((Date.parse(a.windowEnd) - Date.parse(a.windowStart)) / 3_600_000)

type Pending = { alert: BurstAlertView; kind: 'message' | 'mediate' }

export default function StationBursts() {
  const load = useCallback(() => call('station', 'burstList', {}), [])
  const list = useRemote(load, { refreshOnShow: true })
  const loadRule = useCallback(() => call('station', 'burstSettings', {}), [])
  const rule = useRemote(loadRule)
  const [savedRule, setSavedRule] = useState<BurstSettingsView | null>(null) // the answer of 保存, shown without reading again
  const [pending, setPending] = useState<Pending | null>(null)
  const [busy, setBusy] = useState(false)
  const [said, setSaid] = useState('')

  const failed = list.state.status === 'failed' ? list.state.error.code : null
  useEffect(() => {
    if (failed === 'UNAUTHENTICATED' || failed === 'FORBIDDEN')
      void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
  }, [failed])

  const confirm = async () => {
    if (!pending) return
    setBusy(true)
    const { alert, kind } = pending
    if (kind === 'message') {
      const r = await call('station', 'burstMessage', { alertId: alert.id })
      setSaid(r.ok ? `已给 ${r.data.messaged} 位投诉人各发送一条消息。` : `未能发送：${r.error.message}`)
    } else {
      const r = await call('station', 'burstMediate', { alertId: alert.id, reason: MEDIATION_REASON })
      setSaid(r.ok ? `已对 ${r.data.results.filter((x) => x.ok).length} 件投诉启动合并调解。` : `未能启动：${r.error.message}`)
    }
    setBusy(false)
    setPending(null)
    void list.reload()
  }

  const alerts = list.state.status === 'ready' ? list.state.data.alerts : []
  return (
    <PageShell title="突发消费事件" wide elderlySwitch className="station-bursts">
      <RemoteStatus state={list.state} onRetry={list.reload} />
      {said ? <View role="status">{said}</View> : null}
      {rule.state.status === 'ready' ? <BurstRuleForm settings={savedRule ?? rule.state.data} onSaved={setSavedRule} /> : null}
      {list.state.status === 'ready' && alerts.length === 0 ? <EmptyState text="目前没有突发消费事件预警" /> : null}
      {alerts.map((a) => (
        <View key={a.id} className="station-bursts__alert" role="group" aria-label={`预警：${a.subject}`}>
          <View className="station-bursts__title" role="heading" aria-level={2}>
            {BASIS_LABELS[a.basis]}：{a.subject}（{a.cases.length} 件{a.basis === 'baseline' ? '当日投诉' : '相似投诉'}）
          </View>
          <View>
            时间窗口：{formatShanghaiDateTime(a.windowStart)} 起 {windowHoursOf(a)} 小时；涉及 {a.complainants} 位投诉人
          </View>
          <View role="list" aria-label="这批投诉">
            {a.cases.map((c) => (
              <View key={c.caseId} role="listitem" className="station-bursts__case">
                {c.caseNo} · {c.problemType}
                {c.product ? ` · ${c.product}` : ''} · {c.statusLabel}
              </View>
            ))}
          </View>
          {a.messaged ? (
            <View className="station-bursts__done">已于 {formatShanghaiDateTime(a.messaged.at)} 统一告知投诉人</View>
          ) : (
            <ActionButton label="统一告知投诉人" variant="secondary" onPress={() => setPending({ alert: a, kind: 'message' })} />
          )}
          {a.mediated ? <View className="station-bursts__done">已于 {formatShanghaiDateTime(a.mediated.at)} 启动合并调解</View> : null}
          <ActionButton label="合并调解" variant="secondary" onPress={() => setPending({ alert: a, kind: 'mediate' })} />
        </View>
      ))}
      {pending ? (
        <ConfirmDialog
          title={pending.kind === 'message' ? '统一告知投诉人' : '合并调解'}
          message={
            pending.kind === 'message'
              ? `将给 ${pending.alert.complainants} 位投诉人各发送一条消息，告知他们的投诉将合并处理。消息发出后不能撤回，也不会重复发送。`
              : `将对这批投诉中仍在商家处理的每一件启动站内调解（共 ${pending.alert.cases.length} 件中符合条件的），每件都会记入处理记录并通知双方。`
          }
          confirmLabel={pending.kind === 'message' ? '确认发送' : '确认合并调解'}
          busy={busy}
          onConfirm={() => void confirm()}
          onCancel={() => setPending(null)}
        />
      ) : null}
      <ActionButton label="返回工作台" variant="quiet" onPress={() => void Taro.navigateBack()} />
    </PageShell>
  )
}
