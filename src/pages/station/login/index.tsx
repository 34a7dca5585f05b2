import { Input, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { login } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, FieldError } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { FieldErrors } from '../../../domain/errors'
import { PAGES } from '../../routes'
import './index.scss'

// Staff sign-in on the desk browser. The server answers with an HttpOnly session cookie; this page
// only learns whether it worked. (In the WeChat build `login` explains that it is desk-only.)
// Where to go after signing in: only pages of this area, named by a short key (never a URL taken
// from the address bar, which would let a link send staff anywhere).
const NEXT_PAGES: Record<string, string> = { 'proxy-file': PAGES.proxyFile, board: PAGES.stationBoard }

export default function StationLogin() {
  const { params } = useRouter()
  const next = NEXT_PAGES[params.next ?? ''] ?? PAGES.stationBoard
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [busy, setBusy] = useState(false)
  const [fields, setFields] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')

  const submit = async () => {
    if (busy) return
    setBusy(true)
    setBanner('')
    setFields({})
    const result = await login(username, password)
    if (result.ok) {
      await Taro.redirectTo({ url: next })
      return
    }
    setBusy(false)
    setFields(result.error.fields ?? {})
    if (!result.error.fields) setBanner(result.error.message) // e.g. 用户名或密码不正确
  }

  return (
    <PageShell title="维权站工作人员登录" className="station-login" elderlySwitch>
      <View className="station-login__card">
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
