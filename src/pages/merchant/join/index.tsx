import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { TextField } from '../../../components/text-field'
import type { MyMembership } from '../../../domain/merchant/membership-view'
import { decodeParam, PAGES } from '../../routes'
import { WechatAlertsButton } from '../inbox/wechat-alerts-button'
import { MembershipStatus, pickMembership } from './membership-status'
import './index.scss'

// A clerk binds this phone to the shop: the station's invite (a QR or a link) opens this page with
// `code` (H5 link) or `scene` (the mini-program code WeChat scanned), which is redeemed at once;
// without one the clerk types the code. The request then waits
// for the station; this page says so, checks again by itself every 15 seconds (and on 刷新状态),
// and opens the merchant home once the station has approved.
const POLL_MS = 15_000

export default function MerchantJoin() {
  const { params } = useRouter()
  const linkCode = decodeParam(params.code || params.scene)
  const [typed, setTyped] = useState(linkCode)
  const [codeError, setCodeError] = useState('')
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState(false)
  const [items, setItems] = useState<MyMembership[] | null>(null)
  const [requestedId, setRequestedId] = useState<string>()

  const refresh = useCallback(async () => {
    const result = await call('merchant', 'myMemberships', {})
    if (result.ok) {
      setItems(result.data.items)
      setBanner('')
    } else setBanner(result.error.message)
  }, [])

  const redeem = useCallback(
    async (code: string) => {
      setBusy(true)
      setCodeError('')
      const result = await call('merchant', 'redeemInvite', { code })
      setBusy(false)
      if (!result.ok) {
        // a bad code belongs under the code box; anything else (network) above the form
        const message = result.error.fields?.code ?? (result.error.code === 'INVITE_NOT_FOUND' ? result.error.message : '')
        if (message) setCodeError(message)
        else setBanner(result.error.message)
        await refresh()
        return
      }
      setRequestedId(result.data.membershipId)
      await refresh()
    },
    [refresh],
  )

  const started = useRef(false)
  useEffect(() => {
    if (started.current) return
    started.current = true
    void (linkCode ? redeem(linkCode) : refresh())
  }, [linkCode, redeem, refresh])

  const shown = items ? pickMembership(items, requestedId) : null
  const pending = shown?.status === 'pending'
  useEffect(() => {
    if (!pending) return
    const timer = setInterval(() => void refresh(), POLL_MS)
    return () => clearInterval(timer)
  }, [pending, refresh])

  return (
    <PageShell title="店员绑定" className="merchant-join" elderlySwitch>
      {items === null && !banner ? <LoadingState text={linkCode ? '正在提交绑定申请…' : '正在加载…'} /> : null}
      <ErrorBanner message={banner} />
      {shown ? (
        <>
          <MembershipStatus membership={shown} />
          {shown.status === 'active' ? (
            <ActionButton label="进入商户工作台" onPress={() => Taro.reLaunch({ url: PAGES.merchantHome })} />
          ) : null}
          {shown.status === 'pending' ? <ActionButton label="刷新状态" variant="secondary" onPress={() => void refresh()} /> : null}
          {/* right after joining: WeChat service notices for new complaints (WeChat asks only on a tap) */}
          {shown.status === 'pending' || shown.status === 'active' ? <WechatAlertsButton /> : null}
        </>
      ) : null}
      {items !== null && shown?.status !== 'active' ? (
        <View className="merchant-join__form">
          <View className="merchant-join__intro">{shown ? '换一个邀请码：' : '请扫描维权站给的二维码，或输入维权站告诉您的邀请码。'}</View>
          <TextField
            name="code"
            label="邀请码"
            value={typed}
            onChange={(v) => {
              setTyped(v)
              setCodeError('')
            }}
            maxlength={32}
            error={codeError}
            hint="12位字母和数字，不区分大小写"
            autoComplete="one-time-code"
            onConfirm={() => void redeem(typed)}
          />
          <ActionButton label="提交绑定申请" busy={busy} busyText="正在提交…" onPress={() => void redeem(typed)} />
        </View>
      ) : null}
    </PageShell>
  )
}
