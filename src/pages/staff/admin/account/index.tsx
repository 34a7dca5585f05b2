import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ConfirmDialog } from '../../../../components/confirm-dialog'
import { ErrorBanner, LoadingState } from '../../../../components/feedback'
import { NoticePage } from '../../../../components/notice-page'
import { PageShell } from '../../../../components/page-shell'
import { RemoteStatus } from '../../../../components/remote-status'
import type { ActionOutput } from '../../../../domain/api/contract'
import { ROLE_LABELS } from '../../../../domain/labels'
import { useRemote } from '../../../../hooks/use-remote'
import { useSignedOutRedirect } from '../../../../hooks/use-signed-out-redirect'
import { decodeParam, PAGES } from '../../../routes'
import { backTo } from '../../../station/merchants/paths'
import { AccountBindings } from './account-bindings'
import { BindingCodePanel } from './binding-code-panel'
import '../admin.scss'
import './index.scss'

// One staff account (`id`): who it is, a one-time binding code for a WeChat, the WeChats bound to
// it, and 停用 / 启用 — each behind a confirmation that says what follows. There is no "get one
// account" action: the administrator's list (listStaff) is read and the account picked from it.
type Account = ActionOutput<'staff', 'listStaff'>['items'][number]

const CONSEQUENCE = {
  disable:
    '停用后，此账号立即不能登录电脑工作台，已绑定的微信下一次操作就会被拒绝，尚未使用的绑定码也不能绑定。账号和记录都会保留，可以随时重新启用。',
  enable: '启用后，此账号可以重新登录，已绑定的微信恢复使用。',
}

export default function AdminAccount() {
  const { params } = useRouter()
  const staffId = decodeParam(params.id)
  const loadStaff = useCallback(() => call('staff', 'listStaff', {}), [])
  const staff = useRemote(loadStaff)
  const loadSites = useCallback(() => call('staff', 'listSites', {}), [])
  const sites = useRemote(loadSites)
  const signedOut = useSignedOutRedirect(staff.state)
  const [changed, setChanged] = useState<Account | null>(null)
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const [banner, setBanner] = useState('')
  const [done, setDone] = useState('')
  const [issuedCount, setIssuedCount] = useState(0)
  const back = () => backTo(PAGES.adminStaff)

  if (signedOut || staff.state.status === 'loading') {
    return (
      <PageShell title="工作人员账号" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (staff.state.status === 'failed') {
    return (
      <PageShell title="工作人员账号" wide>
        <RemoteStatus state={staff.state} onRetry={staff.retry} />
      </PageShell>
    )
  }
  const account = changed ?? staff.state.data.items.find((a) => a.id === staffId)
  if (!account) {
    return (
      <NoticePage title="未找到该账号" message="这个工作人员账号不存在。">
        <ActionButton label="返回账号列表" onPress={back} />
      </NoticePage>
    )
  }

  const setDisabled = async (disabled: boolean) => {
    setBusy(true)
    setBanner('')
    const result = await call('staff', 'setStaffDisabled', { staffId: account.id, disabled })
    setBusy(false)
    setAsking(false)
    if (!result.ok) return setBanner(result.error.fields?.staffId ?? result.error.message)
    setChanged(result.data)
    setDone(disabled ? `已停用“${account.displayName}”。` : `已启用“${account.displayName}”。`)
  }

  const siteName = account.siteId
    ? ((sites.state.status === 'ready' ? sites.state.data.items.find((s) => s.id === account.siteId)?.name : undefined) ?? '')
    : account.role === 'regulator'
      ? '全部站点'
      : ''
  return (
    <PageShell title={account.displayName} wide className="admin-account" elderlySwitch>
      <View className="admin__card" role="group" aria-label="账号信息">
        <View className="admin__row-title">
          {ROLE_LABELS[account.role]}
          {account.disabled ? <View className="admin__tag">已停用</View> : null}
        </View>
        <View className="admin__row-meta">用户名 {account.username}</View>
        {siteName ? <View className="admin__row-meta">站点 {siteName}</View> : null}
      </View>
      {done ? (
        <View className="admin__done" role="status">
          {done}
        </View>
      ) : null}
      <View className="admin__card" role="group" aria-label="微信绑定码">
        <View className="admin__heading" role="heading" aria-level={2}>
          微信绑定码
        </View>
        {account.disabled ? (
          <View className="admin__note">账号已停用，不能生成绑定码。</View>
        ) : (
          <BindingCodePanel staffId={account.id} onIssued={() => setIssuedCount((n) => n + 1)} />
        )}
      </View>
      <View className="admin__card" role="group" aria-label="已绑定的微信">
        <View className="admin__heading" role="heading" aria-level={2}>
          已绑定的微信
        </View>
        <AccountBindings key={issuedCount} staffId={account.id} />
      </View>
      <View className="admin__card" role="group" aria-label="停用或启用">
        <ErrorBanner message={banner} />
        <ActionButton
          className="admin-account__toggle"
          label={account.disabled ? '启用账号' : '停用账号'}
          variant="secondary"
          onPress={() => {
            setDone('')
            setAsking(true)
          }}
        />
      </View>
      <ActionButton label="返回账号列表" variant="quiet" onPress={back} />
      {asking ? (
        <ConfirmDialog
          title={account.disabled ? `启用“${account.displayName}”？` : `停用“${account.displayName}”？`}
          message={account.disabled ? CONSEQUENCE.enable : CONSEQUENCE.disable}
          confirmLabel={account.disabled ? '确认启用' : '确认停用'}
          busy={busy}
          onConfirm={() => void setDisabled(!account.disabled)}
          onCancel={() => setAsking(false)}
        />
      ) : null}
    </PageShell>
  )
}
