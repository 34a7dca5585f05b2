import { Input, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ErrorBanner, FieldError } from '../../../components/feedback'
import { TextField } from '../../../components/text-field'
import type { ActionOutput } from '../../../domain/api/contract'
import type { FieldErrors, Result } from '../../../domain/errors'
import { codeFromScan } from '../paths'

// The two ways to bind this phone to a staff account (docs/staff-identity.md): the one-time code an
// administrator or the station issued (typed, or scanned from its QR), or the account's username
// and password, entered once. Either way the answer says who the phone now acts as.
export type Bound = ActionOutput<'staff', 'bindByCode'>

interface Props {
  initialCode: string
  onBound: (bound: Bound) => void
}

export function BindForms({ initialCode, onBound }: Props) {
  const [code, setCode] = useState(initialCode)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [fields, setFields] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState<'' | 'code' | 'password'>('')

  const run = async (which: 'code' | 'password', request: () => Promise<Result<Bound>>) => {
    if (busy) return
    setBusy(which)
    setFields({})
    setBanner('')
    const result = await request()
    setBusy('')
    if (result.ok) return onBound(result.data)
    const errors = result.error.fields ?? {}
    // a wrong code or password belongs under its box; anything else (network, locked) above the forms
    if (result.error.code === 'BINDING_CODE_INVALID') errors.code = result.error.message
    setFields(errors)
    if (!Object.keys(errors).length) setBanner(result.error.message)
  }
  const bindCode = (typed = code) => void run('code', () => call('staff', 'bindByCode', { code: typed }))
  const bindPassword = () => void run('password', () => call('staff', 'bindByPassword', { username, password }))

  const scan = async () => {
    try {
      const scanned = codeFromScan((await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })).result)
      setCode(scanned)
      bindCode(scanned)
    } catch {
      // the person closed the camera: nothing to say
    }
  }

  return (
    <View className="staff-bind__forms">
      <ErrorBanner message={banner} />
      <View className="staff-bind__card" role="group" aria-label="用绑定码绑定">
        <View className="staff-bind__heading">用绑定码绑定</View>
        <View className="staff-bind__intro">请输入管理员或维权站给您的12位绑定码，或扫描绑定二维码。</View>
        <TextField
          name="code"
          label="绑定码"
          value={code}
          onChange={setCode}
          maxlength={32}
          error={fields.code}
          hint="12位字母和数字，不区分大小写"
          autoComplete="one-time-code"
          onConfirm={() => bindCode()}
        />
        <ActionButton
          className="staff-bind__code-submit"
          label="绑定"
          busy={busy === 'code'}
          busyText="正在绑定…"
          onPress={() => bindCode()}
        />
        {process.env.TARO_ENV === 'weapp' ? <ActionButton label="扫描绑定二维码" variant="secondary" onPress={() => void scan()} /> : null}
      </View>
      <View className="staff-bind__card" role="group" aria-label="用账号密码绑定">
        <View className="staff-bind__heading">用账号和密码绑定</View>
        <View className="staff-bind__intro">只需输入一次，之后本微信即可直接进入工作台。</View>
        <View className="staff-bind__label">用户名</View>
        <Input
          className="staff-bind__input staff-bind__username"
          value={username}
          maxlength={64}
          onInput={(e) => setUsername(e.detail.value)}
          nativeProps={{ 'aria-label': '用户名', autocomplete: 'username' }}
        />
        <FieldError message={fields.username} />
        <View className="staff-bind__label">密码</View>
        <Input
          className="staff-bind__input staff-bind__password"
          password
          value={password}
          maxlength={128}
          onInput={(e) => setPassword(e.detail.value)}
          onConfirm={bindPassword}
          nativeProps={{ 'aria-label': '密码', autocomplete: 'current-password' }}
        />
        <FieldError message={fields.password} />
        <ActionButton
          className="staff-bind__password-submit"
          label="用账号密码绑定"
          busy={busy === 'password'}
          busyText="正在绑定…"
          onPress={bindPassword}
        />
      </View>
    </View>
  )
}
