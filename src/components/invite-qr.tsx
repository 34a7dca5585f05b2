import { Image, View } from '@tarojs/components'
import { useCallback } from 'react'
import { call } from '../api'
import { useRemote } from '../hooks/use-remote'

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
  const { state } = useRemote(load)
  if (state.status === 'ready') {
    return (
      <Image
        className={`qr-image ${className ?? ''}`}
        mode="aspectFit"
        showMenuByLongpress
        src={`data:${state.data.contentType};base64,${state.data.base64}`}
        ariaLabel="店员绑定邀请小程序码"
      />
    )
  }
  return (
    <View className={`qr-image qr-image--absent ${className ?? ''}`}>
      {state.status === 'failed' ? `${state.error.message}（可让店员输入邀请码）` : '正在生成小程序码…'}
    </View>
  )
}
