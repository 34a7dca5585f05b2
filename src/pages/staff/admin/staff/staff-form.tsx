import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../../api'
import { ActionButton } from '../../../../components/action-button'
import { ErrorBanner } from '../../../../components/feedback'
import { describedBy, fieldIds, FormField } from '../../../../components/form-field'
import { RadioGroupField, type RadioOption } from '../../../../components/radio-group'
import { SelectField } from '../../../../components/select-field'
import { TextField } from '../../../../components/text-field'
import type { ActionOutput } from '../../../../domain/api/contract'
import type { FieldErrors } from '../../../../domain/errors'
import type { StaffRole } from '../../../../domain/identity'
import { CreateStaffInputSchema } from '../../../../domain/staff/staff-api'
import { parseWith } from '../../../../domain/validation'
import { scrollToField } from '../../../../hooks/scroll-to-field'
import { idOf, labelOf, type SiteChoice } from '../../../../components/site-choice'

// A new staff account: its role, username, name, site and (for the desk) an initial password. With no
// password the account is used from WeChat only, bound by a code the administrator issues next.
// The server's Chinese errors (用户名已被使用, 请选择站点, 密码至少10位…) land under their fields.
export type StaffView = ActionOutput<'staff', 'createStaff'>

const ROLES: readonly RadioOption<StaffRole>[] = [
  { value: 'station', label: '维权站', hint: '处理本站投诉' },
  { value: 'proxy', label: '代帮办员', hint: '代人登记投诉' },
  { value: 'regulator', label: '市场监管', hint: '督办，可看全部站点' },
  { value: 'admin', label: '管理员', hint: '管理站点和账号' },
]
const ALL_SITES = '全部站点'

interface Props {
  sites: SiteChoice[]
  /** the site the list shows: a new account starts there */
  siteId: string
  onSaved: (account: StaffView) => void
  onCancel: () => void
}

export function StaffForm({ sites, siteId, onSaved, onCancel }: Props) {
  const [role, setRole] = useState<StaffRole | ''>('')
  const [username, setUsername] = useState('')
  const [displayName, setDisplayName] = useState('')
  const [site, setSite] = useState(labelOf(sites, siteId))
  const [password, setPassword] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [busy, setBusy] = useState(false)
  const clear = (key: string) => errors[key] && setErrors(({ [key]: _gone, ...rest }) => rest)

  // a regulator may watch every site; an administrator belongs to none
  const siteOptions = role === 'regulator' ? [ALL_SITES, ...sites.map((s) => s.label)] : sites.map((s) => s.label)
  const chosenSite = role === 'admin' || site === ALL_SITES ? '' : idOf(sites, site)

  const save = async () => {
    if (busy) return
    setBanner('')
    // every problem at once, the role too (the gateway would check the same schema, but cannot be
    // handed a role not yet chosen)
    const input = parseWith(CreateStaffInputSchema, {
      role: role || undefined,
      username,
      displayName,
      ...(chosenSite ? { siteId: chosenSite } : {}),
      ...(password ? { password } : {}),
    })
    setBusy(true)
    const result = input.ok ? await call('staff', 'createStaff', input.data) : input
    setBusy(false)
    if (result.ok) return onSaved(result.data)
    const fields = { ...(result.error.fields ?? {}) }
    if (result.error.code === 'STAFF_USERNAME_TAKEN') fields.username = result.error.message
    if (result.error.code === 'SITE_NOT_FOUND') fields.siteId = result.error.message
    setErrors(fields)
    const first = Object.keys(fields)[0]
    if (first) scrollToField(first)
    else setBanner(result.error.message)
  }

  const pw = fieldIds('password')
  return (
    <View className="admin__card admin-staff__form" role="group" aria-label="新增工作人员账号">
      <View className="admin__heading" role="heading" aria-level={2}>
        新增工作人员账号
      </View>
      <RadioGroupField
        name="role"
        label="角色"
        value={role}
        options={ROLES}
        onChange={(v) => {
          setRole(v)
          clear('role')
          clear('siteId')
        }}
        error={errors.role}
      />
      <TextField
        name="username"
        label="用户名"
        value={username}
        onChange={(v) => {
          setUsername(v)
          clear('username')
        }}
        maxlength={64}
        error={errors.username}
        hint="登录用，字母、数字和 . _ -"
        autoComplete="off"
      />
      <TextField
        name="displayName"
        label="姓名"
        value={displayName}
        onChange={(v) => {
          setDisplayName(v)
          clear('displayName')
        }}
        maxlength={40}
        error={errors.displayName}
        hint="同事和记录里看到的名字，如：星河广场维权站 王芳"
      />
      {role === 'admin' ? null : (
        <SelectField
          name="siteId"
          label="所属站点"
          value={site}
          options={siteOptions}
          placeholder="请选择站点"
          onChange={(v) => {
            setSite(v)
            clear('siteId')
          }}
          error={errors.siteId}
          hint={role === 'regulator' ? '市场监管可选全部站点' : undefined}
        />
      )}
      <FormField
        name="password"
        label="初始密码"
        optional
        error={errors.password}
        hint="至少10位，用于电脑工作台登录；不填则只能在微信中用绑定码绑定"
      >
        <Input
          className="field-box text-field text-field--password"
          password
          value={password}
          maxlength={256}
          onInput={(e) => {
            setPassword(e.detail.value)
            clear('password')
          }}
          nativeProps={{
            id: pw.control,
            'aria-label': '初始密码',
            'aria-invalid': errors.password ? 'true' : 'false',
            'aria-describedby': describedBy('password', errors.password, true),
            autocomplete: 'new-password',
          }}
        />
      </FormField>
      <ErrorBanner message={banner} />
      <View className="admin__buttons">
        <ActionButton label="创建账号" busy={busy} busyText="正在创建…" onPress={() => void save()} />
        <ActionButton label="取消" variant="secondary" onPress={onCancel} />
      </View>
    </View>
  )
}
