import { Input, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { login, type StaffSession } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, FieldError } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { FieldErrors } from '../../../domain/errors'
import { PAGES } from '../../routes'
import { homeOf, STAFF_PAGES } from '../../staff/paths'
import './index.scss'

// Staff sign-in on the desk browser. The server answers with an HttpOnly session cookie; this page
// only learns whether it worked. (In the WeChat build this page hands over to the staff binding page.)
// Where to go after signing in: each role's own home (station → board, proxy → filing with its
// recent filings, regulator → the city board, administrator → 管理; staff/paths.ts), or a page of
// this area the role may use, named by a short key (never a URL taken from the address bar, which
// would let a link send staff anywhere).
const NEXT_PAGES: Record<string, string> = { 'proxy-file': PAGES.proxyFile, board: PAGES.stationBoard }
/** the pages each role can work on (the board answers 403 to a proxy account) */
const USABLE: Partial<Record<StaffSession['role'], readonly string[]>> = {
  station: [PAGES.stationBoard, PAGES.proxyFile],
  proxy: [PAGES.proxyFile],
  regulator: [PAGES.stationBoard],
}

/** Why the person is here again, said above the form (a 403 never lands on a blank form). */
const REASONS: Record<string, string> = {
  forbidden: '当前账号不能使用刚才的页面，请换用有权限的账号登录。',
  expired: '请先登录（登录过期或退出后，需要重新登录）。',
}

function landingOf(role: StaffSession['role'], nextKey: string | undefined): string {
  const asked = NEXT_PAGES[nextKey ?? '']
  if (asked && USABLE[role]?.includes(asked)) return asked
  return homeOf(role) ?? PAGES.stationBoard // one table for the desk and WeChat (staff/paths.ts); admin → 管理
}

export default function StationLogin() {
  const { params } = useRouter()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [fields, setFields] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const reason = REASONS[params.reason ?? '']
  // WeChat has no sign-in: the WeChat identity is bound to the account once, on the binding page
  useEffect(() => {
    if (process.env.TARO_ENV === 'weapp') void Taro.redirectTo({ url: STAFF_PAGES.bind })
  }, [])

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setBanner('')
    setFields({})
    const result = await login(username, password)
    if (result.ok) {
      await Taro.redirectTo({ url: landingOf(result.data.role, params.next) })
      return
    }
    setBusy(false)
    setFields(result.error.fields ?? {})
    if (!result.error.fields) setBanner(result.error.message) // e.g. 用户名或密码不正确
  }

  return (
    <PageShell title="维权站工作人员登录" className="station-login" elderlySwitch>
      <View className="station-login__card">
        {reason && !banner ? (
          <View className="station-login__reason" role="status">
            {reason}
          </View>
        ) : null}
        <View className="station-login__field">
          <View className="station-login__label">用户名</View>
          <Input
            className="station-login__input"
            value={username}
            maxlength={64}
            onInput={(e) => setUsername(e.detail.value)}
            nativeProps={{ id: 'station-username', 'aria-label': '用户名', autocomplete: 'username' }}
          />
          <FieldError message={fields.username} />
        </View>
        <View className="station-login__field">
          <View className="station-login__label">密码</View>
          <Input
            className="station-login__input"
            password
            value={password}
            maxlength={128}
            onInput={(e) => setPassword(e.detail.value)}
            onConfirm={() => void submit()}
            nativeProps={{ id: 'station-password', 'aria-label': '密码', autocomplete: 'current-password' }}
          />
          <FieldError message={fields.password} />
        </View>
        <ErrorBanner message={banner} />
        <ActionButton label="登录" busy={busy} busyText="正在登录…" onPress={() => void submit()} />
      </View>
    </PageShell>
  )
}
