import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ConfirmDialog } from '../../../components/confirm-dialog'
import { ErrorBanner } from '../../../components/feedback'
import { RemoteStatus } from '../../../components/remote-status'
import type { ActionOutput } from '../../../domain/api/contract'
import { ROLE_LABELS } from '../../../domain/labels'
import { formatShanghaiDateTime } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'

// 我的账号: who this WeChat acts as, the phones bound to the account, and unbinding — this phone
// (then the next call is refused and the binding forms come back) or another one that was lost.
type Me = ActionOutput<'station', 'me'>
type Binding = ActionOutput<'staff', 'myBindings'>['items'][number]

const VIA: Record<string, string> = { code: '绑定码', password: '账号密码', bootstrap: '初始管理员' }

interface Props {
  me: Me
  /** the role's home (an administrator's: 管理); null: the role has no page in the mini-program */
  home: string | null
  onEnter: () => void
  /** this phone was unbound */
  onUnbound: () => void
}

export function MyAccount({ me, home, onEnter, onUnbound }: Props) {
  const load = useCallback(() => call('staff', 'myBindings', {}), [])
  const { state, retry, reload } = useRemote(load)
  const [busy, setBusy] = useState('')
  const [banner, setBanner] = useState('')
  // unbinding cannot be undone (binding again needs a new code), so it is asked first
  const [asking, setAsking] = useState<Binding | null>(null)

  const unbind = async ({ id, mine }: Binding) => {
    setBusy(id)
    setBanner('')
    const result = await call('staff', 'unbindMine', { bindingId: id })
    setBusy('')
    setAsking(null)
    if (!result.ok) return setBanner(result.error.message)
    if (mine) onUnbound()
    else void reload()
  }

  const active = state.status === 'ready' ? state.data.items.filter((b) => !b.revokedAt) : []
  return (
    <View className="staff-bind__card staff-bind__account" role="group" aria-label="我的账号">
      <View className="staff-bind__heading">我的账号</View>
      <View className="staff-bind__who">
        {me.displayName}（{ROLE_LABELS[me.role]}）
      </View>
      {me.siteName ? <View className="staff-bind__site">{me.siteName}</View> : null}
      {home ? (
        // an administrator's home is 管理 (sites, staff accounts, shops): it has no case desk
        <ActionButton className="staff-bind__enter" label={me.role === 'admin' ? '进入管理' : '进入工作台'} onPress={onEnter} />
      ) : (
        <View className="staff-bind__note">此账号已绑定，但没有可在小程序中使用的页面。</View>
      )}
      <View className="staff-bind__subheading">已绑定的微信</View>
      <RemoteStatus state={state} onRetry={retry} />
      <ErrorBanner message={banner} />
      <View role="list">
        {active.map((b) => (
          <View key={b.id} className="staff-bind__binding" role="listitem">
            <View>
              {b.mine ? '本机微信' : `微信 ${b.subjectMasked}`} · {VIA[b.via] ?? b.via} · {formatShanghaiDateTime(b.createdAt)}
            </View>
            <ActionButton
              className={b.mine ? 'staff-bind__unbind-mine' : 'staff-bind__unbind'}
              label={b.mine ? '解除本机绑定' : '解除此绑定'}
              variant="secondary"
              busy={busy === b.id}
              busyText="正在解除…"
              onPress={() => setAsking(b)}
            />
          </View>
        ))}
      </View>
      {asking ? (
        <ConfirmDialog
          title={asking.mine ? '解除本机绑定？' : `解除微信 ${asking.subjectMasked} 的绑定？`}
          message={
            asking.mine
              ? '解除后，本机微信不能再以此账号工作；要再用，需要管理员发的新绑定码，或再输一次用户名和密码。'
              : '解除后，那个微信下一次操作就会被拒绝（例如手机丢失时）；要再用，需要新的绑定码。'
          }
          confirmLabel="确认解除"
          busy={busy === asking.id}
          onConfirm={() => void unbind(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </View>
  )
}
