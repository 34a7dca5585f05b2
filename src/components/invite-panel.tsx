import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../api'
import type { ActionOutput } from '../domain/api/contract'
import { formatShanghaiDateTime } from '../domain/time'
import { ActionButton } from './action-button'
import { ErrorBanner } from './feedback'
import { InviteQr } from './invite-qr'
import './invite-panel.scss'

// Inviting a shop's clerks: the station issues a code, shows it once — in groups of four to read
// out, and as a QR of the join link for the clerk's phone to scan — with its expiry, and can withdraw
// it (a code that reached the wrong person). Clerks who use it still wait for approval below.
type Issued = ActionOutput<'registry', 'issueInvite'>
type LiveInvite = ActionOutput<'registry', 'getMerchant'>['invites'][number]

interface Props {
  merchantId: string
  invites: LiveInvite[]
  /** the shop's page reloads its live invites after a change */
  onChanged: () => void
}

/** "ABCDEFGHJKMN" → "ABCD EFGH JKMN": easier to read out over a counter. */
const grouped = (code: string) => code.replace(/(.{4})(?=.)/g, '$1 ')

/** H5: the link the clerk's phone opens. The mini-program has no web origin to give. */
const absolute = (path: string) => (process.env.TARO_ENV === 'h5' ? `${window.location.origin}${path}` : path)

export function InvitePanel({ merchantId, invites, onChanged }: Props) {
  const [issued, setIssued] = useState<Issued | null>(null)
  const [busy, setBusy] = useState('')
  const [banner, setBanner] = useState('')

  const issue = async () => {
    setBusy('issue')
    setBanner('')
    const result = await call('registry', 'issueInvite', { merchantId })
    setBusy('')
    if (!result.ok) return setBanner(result.error.message)
    setIssued(result.data)
    onChanged()
  }
  const withdraw = async (inviteId: string) => {
    setBusy(inviteId)
    setBanner('')
    const result = await call('registry', 'withdrawInvite', { inviteId })
    setBusy('')
    if (!result.ok) return setBanner(result.error.message)
    if (issued?.inviteId === inviteId) setIssued(null)
    onChanged()
  }

  const others = invites.filter((i) => i.id !== issued?.inviteId)
  return (
    <View className="invite-panel">
      {issued ? (
        <View className="invite-panel__issued" role="group" aria-label="新的邀请">
          <View className="invite-panel__label">邀请码（只显示这一次）</View>
          <View className="invite-panel__code" aria-label={`邀请码 ${issued.code.split('').join(' ')}`}>
            {grouped(issued.code)}
          </View>
          <InviteQr className="invite-panel__qr" inviteId={issued.inviteId} code={issued.code} url={absolute(issued.url)} />
          <View className="invite-panel__url">{absolute(issued.url)}</View>
          <View className="invite-panel__expiry">有效期至 {formatShanghaiDateTime(issued.expiresAt)}</View>
          <View className="invite-panel__how">请店员用自己的手机扫码，或打开商户工作台输入邀请码；提交后需在下方「店员」中审核通过。</View>
          <ActionButton
            label="撤回此邀请"
            variant="secondary"
            busy={busy === issued.inviteId}
            busyText="正在撤回…"
            onPress={() => void withdraw(issued.inviteId)}
          />
        </View>
      ) : (
        <ActionButton label="生成店员邀请码" busy={busy === 'issue'} busyText="正在生成…" onPress={() => void issue()} />
      )}
      <ErrorBanner message={banner} />
      {others.length ? (
        <View className="invite-panel__live" role="list" aria-label="仍有效的邀请">
          {others.map((invite) => (
            <View className="invite-panel__row" role="listitem" key={invite.id}>
              <View className="invite-panel__row-text">
                {formatShanghaiDateTime(invite.createdAt)} 生成，有效期至 {formatShanghaiDateTime(invite.expiresAt)}
              </View>
              <ActionButton
                className="invite-panel__withdraw"
                label={`撤回 ${formatShanghaiDateTime(invite.createdAt)} 生成的邀请`}
                text="撤回"
                variant="secondary"
                busy={busy === invite.id}
                busyText="正在撤回…"
                onPress={() => void withdraw(invite.id)}
              />
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
