import { View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { EmptyState, ErrorBanner } from '../../../../components/feedback'
import { RemoteStatus } from '../../../../components/remote-status'
import type { ActionOutput } from '../../../../domain/api/contract'
import { formatShanghaiDateTime } from '../../../../domain/time'
import { useRemote } from '../../../../hooks/use-remote'

// The WeChats bound to the account (OPENIDs masked) and unbinding one — a lost phone, a person who
// left — after a confirmation that says what happens: that WeChat is refused from its next call.
type Binding = ActionOutput<'staff', 'listBindings'>['items'][number]

const VIA: Record<Binding['via'], string> = { code: '绑定码', password: '账号密码', bootstrap: '初始管理员' }
const nameOf = (b: Binding) => `微信 ${b.subjectMasked}`

export function AccountBindings({ staffId }: { staffId: string }) {
  const load = useCallback(() => call('staff', 'listBindings', { staffId }), [staffId])
  const { state, retry, reload } = useRemote(load, { refreshOnShow: true })
  const [asking, setAsking] = useState<Binding | null>(null)
  const [busy, setBusy] = useState(false)
  const [banner, setBanner] = useState('')
  const [done, setDone] = useState('')

  const unbind = async (binding: Binding) => {
    setBusy(true)
    setBanner('')
    const result = await call('staff', 'unbind', { bindingId: binding.id })
    setBusy(false)
    setAsking(null)
    if (!result.ok) return setBanner(result.error.message)
    setDone(`已解除${nameOf(binding)}的绑定。`)
    void reload()
  }

  const active = state.status === 'ready' ? state.data.items.filter((b) => !b.revokedAt) : []
  return (
    <View className="admin-account__bindings">
      <RemoteStatus state={state} onRetry={retry} />
      <ErrorBanner message={banner} />
      {done ? (
        <View className="admin__done" role="status">
          {done}
        </View>
      ) : null}
      {state.status === 'ready' && !active.length ? <EmptyState text="还没有绑定的微信" /> : null}
      {active.length ? (
        <View role="list" aria-label="已绑定的微信">
          {active.map((b) => (
            <View key={b.id} className="admin__row" role="listitem">
              <View>
                {nameOf(b)} · {VIA[b.via]} · {formatShanghaiDateTime(b.createdAt)}
              </View>
              <ActionButton
                className="admin-account__unbind"
                label={`解除绑定 ${nameOf(b)}`}
                text="解除绑定"
                variant="secondary"
                onPress={() => {
                  setDone('')
                  setAsking(b)
                }}
              />
            </View>
          ))}
        </View>
      ) : null}
      {asking ? (
        <ConfirmDialog
          title={`解除${nameOf(asking)}的绑定？`}
          message="解除后，这个微信下一次操作就会被拒绝，不再能以此账号工作；要再用，需要新的绑定码。"
          confirmLabel="确认解除"
          busy={busy}
          onConfirm={() => void unbind(asking)}
          onCancel={() => setAsking(null)}
        />
      ) : null}
    </View>
  )
}
