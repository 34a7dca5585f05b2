import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { RemoteStatus } from '../../../components/remote-status'
import type { ActionOutput } from '../../../domain/api/contract'
import { ROLE_LABELS } from '../../../domain/labels'
import { renderMessage } from '../../../domain/notify/templates'
import type { Role } from '../../../domain/identity'
import { useRemote } from '../../../hooks/use-remote'

// 发送失败的通知: rows the dispatcher parked after too many failed attempts (a wrong webhook, SMS
// quota…). Staff see who missed what and why, and 重新发送 puts a row back in the queue; the list
// is asked again, so a row that went out leaves it. Hidden entirely while there is nothing parked.
type Parked = ActionOutput<'inbox', 'parked'>['items'][number]

const roleLabel = (role: string) => ROLE_LABELS[role as Role] ?? role

function whatItSays(row: Parked): string {
  const rendered = renderMessage(row.template, { caseNo: row.caseNo })
  return rendered.ok ? rendered.message.title : row.template
}

export function ParkedList() {
  const load = useCallback(() => call('inbox', 'parked', {}), [])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const [busyId, setBusyId] = useState<string | null>(null)
  const [said, setSaid] = useState('')

  const resend = async (row: Parked) => {
    setBusyId(row.id)
    const result = await call('inbox', 'requeue', { id: row.id })
    setBusyId(null)
    setSaid(
      result.ok && result.data.requeued
        ? `已重新发送：${row.caseNo} 给${roleLabel(row.recipientRole)}的通知`
        : result.ok
          ? '这条通知已不在失败列表中'
          : result.error.message,
    )
    await reload()
  }

  if (state.status !== 'ready') return <RemoteStatus state={state} onRetry={retry} />
  const { items } = state.data
  return (
    <View className="parked">
      {items.length > 0 || said ? (
        <View className="parked__heading" role="heading" aria-level={2}>
          发送失败的通知（{items.length}）
        </View>
      ) : null}
      {said ? (
        <View className="parked__said" role="status">
          {said}
        </View>
      ) : null}
      {items.length > 0 ? (
        <View role="list" aria-label="发送失败的通知">
          {items.map((row) => (
            <View className="parked__item" role="listitem" key={row.id}>
              <View className="parked__what">
                {row.caseNo} · 给{roleLabel(row.recipientRole)}：{whatItSays(row)}
              </View>
              <View className="parked__why">
                已尝试{row.attempts}次{row.lastError ? `，最后一次失败：${row.lastError}` : ''}
              </View>
              <ActionButton
                className="parked__resend"
                label={`重新发送 ${row.caseNo} 给${roleLabel(row.recipientRole)}的通知`}
                text="重新发送"
                variant="secondary"
                busy={busyId === row.id}
                busyText="正在重新发送…"
                onPress={() => void resend(row)}
              />
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
