import { useCallback } from 'react'
import { call } from '../api'
import { MiniCodeImage } from './mini-code-image'

// In the mini-program an invite is shown as its mini-program code (wxacode.getUnlimited, page =
// the join page, scene = the invite code): WeChat's scanner opens the join page, which redeems the
// scene, so the clerk's OPENID becomes a pending member. invite-qr.h5.tsx draws the H5 join link.
export interface InviteQrProps {
  inviteId: string
  /** the code as issued (shown this once); the server checks it against the invite's hash */
  code: string
  /** the H5 join link (unused here: the mini-program has no web origin to give) */
  url: string
  className?: string
}

export function InviteQr({ inviteId, code, className }: InviteQrProps) {
  const load = useCallback(() => call('registry', 'inviteMiniCode', { inviteId, code }), [inviteId, code])
  return <MiniCodeImage load={load} ariaLabel="店员绑定邀请小程序码" instead="（可让店员输入邀请码）" className={className} />
}
