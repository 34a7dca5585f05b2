import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { EmptyState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { RemoteStatus } from '../../../components/remote-status'
import type { ActionOutput } from '../../../domain/api/contract'
import { formatShanghaiDateTime } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { CallbackPanel } from './callback-panel'
import { ReviewItem } from './review-item'
import './index.scss'

// 回访抽查 and 评价复核 for the station (docs/callbacks.md): last month's sample with its due day, who
// calls back and how far it is against the goal of 98 %; each case's call-back inline; and the ratings
// below 80 % waiting for the station head's review.
type List = ActionOutput<'station', 'callbackList'>

function ProgressLine({ list }: { list: List }) {
  const p = list.progress
  const rate =
    p.percent === null ? '本月没有抽查样本' : `完成率 ${p.percent}%（目标不低于 ${p.goalPercent}%，${p.meetsGoal ? '已达标' : '未达标'}）`
  return (
    <>
      <View className="station-callbacks__progress" role="status">
        {rate}
      </View>
      <View className="station-callbacks__meta">
        抽查 {p.sampled} 件：已回访 {p.completed} 件，无法联系 {p.unreachable} 件，待回访 {p.pending} 件
      </View>
    </>
  )
}

export default function StationCallbacks() {
  const loadList = useCallback(() => call('station', 'callbackList', {}), [])
  const loadReviews = useCallback(() => call('station', 'ratingReviews', {}), [])
  const list = useRemote(loadList, { refreshOnShow: true })
  const reviews = useRemote(loadReviews, { refreshOnShow: true })
  const [open, setOpen] = useState<string | null>(null)

  const failed = list.state.status === 'failed' ? list.state.error.code : null
  const signedOut = failed === 'UNAUTHENTICATED' || failed === 'FORBIDDEN'
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
  }, [signedOut])

  const data = list.state.status === 'ready' ? list.state.data : null
  const reviewItems = reviews.state.status === 'ready' ? reviews.state.data.items : []
  const [y, m] = (data?.month ?? '').split('-')
  return (
    <PageShell title="回访抽查" wide elderlySwitch className="station-callbacks">
      <View className="station-callbacks__section" role="heading" aria-level={2}>
        {data ? `${data.siteName} ${Number(y)}年${Number(m)}月办结投诉抽查回访` : '本月抽查回访'}
      </View>
      {data ? (
        <>
          {data.drawn ? (
            <>
              <View className="station-callbacks__meta">
                截止日期：{data.dueDate}（{data.dueExplanation}）
              </View>
              <ProgressLine list={data} />
              <View className="station-callbacks__meta">
                抽样种子 {data.seed}，从 {data.populationSize} 件已办结投诉中按30%抽取，可凭种子复核抽样结果
              </View>
            </>
          ) : (
            <EmptyState text="该月样本尚未抽取：每月1日自动抽取上月已办结投诉的30%" />
          )}
          {data.items.length ? (
            <View role="list" aria-label="抽查名单">
              {data.items.map((item) => (
                <View role="listitem" key={item.caseId} className="station-callbacks__item">
                  <View className="station-callbacks__line">案件编号：{item.caseNo}</View>
                  <View className="station-callbacks__line">办结时间：{formatShanghaiDateTime(item.closedAt)}</View>
                  <View className="station-callbacks__line">
                    回访人：{item.assigneeName ?? '未分配（本站只有办结人一人，回访须由其他工作人员进行，请联系上级安排）'}
                  </View>
                  <View className="station-callbacks__line">
                    状态：{item.statusLabel}
                    {item.attempts.length ? `（已联系 ${item.attempts.length} 次未接通）` : ''}
                  </View>
                  {item.status === 'pending' && open !== item.caseId ? (
                    <ActionButton label={`回访 ${item.caseNo}`} variant="secondary" onPress={() => setOpen(item.caseId)} />
                  ) : null}
                  {open === item.caseId ? (
                    <CallbackPanel caseId={item.caseId} month={data.month} onChanged={() => void list.reload()} />
                  ) : null}
                </View>
              ))}
            </View>
          ) : null}
        </>
      ) : (
        <RemoteStatus state={list.state} onRetry={list.retry} />
      )}
      <View className="station-callbacks__section" role="heading" aria-level={2}>
        评价复核（满意度低于80%）
      </View>
      <RemoteStatus state={reviews.state} onRetry={reviews.retry} />
      {reviews.state.status === 'ready' && reviewItems.length === 0 ? <EmptyState text="没有需要复核的评价" /> : null}
      {reviewItems.length ? (
        <View role="list" aria-label="评价复核">
          {reviewItems.map((r) => (
            <View role="listitem" key={r.eventId}>
              <ReviewItem review={r} onReviewed={() => void reviews.reload()} />
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}
