import { View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../api'
import type { MemberView } from '../domain/merchant/membership-view'
import { formatShanghaiDateTime } from '../domain/time'
import { useRemote } from '../hooks/use-remote'
import { ActionButton } from './action-button'
import { EmptyState, ErrorBanner } from './feedback'
import { RemoteStatus } from './remote-status'
import './member-list.scss'

// The shop's clerks, as the station decides on them: a pending request is approved or refused;
// an active clerk can be cut off (effective on their very next request). Refusing and revoking
// ask once more, because the clerk then has to be invited again. A device is shown only by its
// masked identifier — enough to tell two phones apart, never enough to identify a person.
interface Props {
  merchantId: string
  /** a change of this value reloads the list (an invite was issued, a clerk may have joined) */
  refreshKey?: number
}

type Step = { id: string; kind: 'approve' | 'refuse' | 'revoke' }

export function MemberList({ merchantId, refreshKey = 0 }: Props) {
  const load = useCallback(() => call('registry', 'listMembers', { merchantId }), [merchantId])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const [confirming, setConfirming] = useState<Step | null>(null)
  const [busy, setBusy] = useState('')
  const [banner, setBanner] = useState('')
  useEffect(() => {
    if (refreshKey) void reload()
  }, [refreshKey, reload])

  const run = async ({ id, kind }: Step) => {
    setBusy(id)
    setBanner('')
    const result =
      kind === 'revoke'
        ? await call('registry', 'revokeMember', { membershipId: id })
        : await call('registry', 'decideMember', { membershipId: id, approve: kind === 'approve' })
    setBusy('')
    setConfirming(null)
    if (!result.ok) setBanner(result.error.message)
    await reload()
  }

  const buttons = (m: MemberView) => {
    const who = `设备 ${m.subjectMasked}`
    if (confirming?.id === m.id) {
      const word = confirming.kind === 'refuse' ? '拒绝' : '解除绑定'
      return (
        <>
          <ActionButton
            label={`确认${word} ${who}`}
            text={`确认${word}`}
            busy={busy === m.id}
            busyText="正在处理…"
            onPress={() => void run(confirming)}
          />
          <ActionButton label="取消" variant="secondary" onPress={() => setConfirming(null)} />
        </>
      )
    }
    if (m.status === 'pending') {
      return (
        <>
          <ActionButton
            label={`通过 ${who} 的绑定申请`}
            text="通过"
            busy={busy === m.id}
            busyText="正在处理…"
            onPress={() => void run({ id: m.id, kind: 'approve' })}
          />
          <ActionButton
            label={`拒绝 ${who} 的绑定申请`}
            text="拒绝"
            variant="secondary"
            onPress={() => setConfirming({ id: m.id, kind: 'refuse' })}
          />
        </>
      )
    }
    if (m.status === 'active') {
      return (
        <ActionButton
          label={`解除绑定 ${who}`}
          text="解除绑定"
          variant="secondary"
          onPress={() => setConfirming({ id: m.id, kind: 'revoke' })}
        />
      )
    }
    return null
  }

  if (state.status !== 'ready') return <RemoteStatus state={state} onRetry={retry} />
  if (state.data.items.length === 0) return <EmptyState text="还没有店员申请绑定" />
  return (
    <View className="member-list" role="list" aria-label="店员">
      <ErrorBanner message={banner} />
      {state.data.items.map((m) => (
        <View className={`member-list__item member-list__item--${m.status}`} role="listitem" key={m.id} data-status={m.status}>
          <View className="member-list__top">
            <View className="member-list__who">设备 {m.subjectMasked}</View>
            <View className="member-list__status">{m.statusLabel}</View>
          </View>
          <View className="member-list__when">{formatShanghaiDateTime(m.createdAt)} 申请</View>
          <View className="member-list__actions">{buttons(m)}</View>
        </View>
      ))}
    </View>
  )
}
