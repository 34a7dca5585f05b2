import { View } from '@tarojs/components'
import { ActionButton } from '../../../components/action-button'
import { RadioGroupField } from '../../../components/radio-group'
import { TextField } from '../../../components/text-field'
import type { FieldErrors } from '../../../domain/errors'
import type { ScopeKind } from '../../../domain/notify/contact.schema'
import { ChoiceChips } from './choice-chips'
import {
  CHANNEL_OPTIONS,
  EVENT_OPTIONS,
  ROLE_OPTIONS,
  SCOPE_WORDS,
  TARGET_LABEL,
  type ContactForm as Form,
  type ContactList,
} from './contact-fields'

// Adding or changing one contact: its name, where it applies, how it is sent and to where, and
// which messages it copies. Every field has a visible label and its Chinese error right under it.
interface Props {
  list: ContactList
  form: Form
  onChange: (form: Form) => void
  errors: FieldErrors
  busy: boolean
  onSave: () => void
  onCancel: () => void
}

export function ContactForm({ list, form, onChange, errors, busy, onSave, onCancel }: Props) {
  const set = <K extends keyof Form>(key: K, value: Form[K]) => onChange({ ...form, [key]: value })
  const scopeOptions = list.editableScopes.map((kind: ScopeKind) => ({
    value: kind,
    label: SCOPE_WORDS[kind],
    hint: kind === 'site' ? (list.siteName ?? list.siteId ?? '') : kind === 'area' ? (list.areaId ?? '') : '未另设联系人的站点和辖区',
  }))
  const keeping = form.id !== '' && form.storedChannel === form.channel
  const targetHint =
    form.channel === 'wecom'
      ? `在企业微信群里添加“群机器人”，复制它的 Webhook 地址粘贴到这里${keeping ? `；不修改请留空（现为 ${form.targetMasked}）` : ''}`
      : `需部署时已开通短信服务${keeping ? `；不修改请留空（现为 ${form.targetMasked}）` : ''}`
  return (
    <View className="contact-form" role="group" aria-label={form.id ? '修改通知联系人' : '新增通知联系人'}>
      <View className="contact-form__title" role="heading" aria-level={2}>
        {form.id ? '修改通知联系人' : '新增通知联系人'}
      </View>
      <TextField
        name="label"
        label="名称"
        hint="便于辨认，如“星河广场值班群”“站长手机”"
        value={form.label}
        onChange={(v) => set('label', v)}
        maxlength={40}
        error={errors.label}
      />
      {scopeOptions.length > 1 ? (
        <RadioGroupField
          name="scope"
          label="适用范围"
          value={form.scopeKind}
          options={scopeOptions}
          onChange={(v) => set('scopeKind', v)}
          error={errors.scope}
          columns={3}
        />
      ) : null}
      <RadioGroupField
        name="channel"
        label="发送方式"
        value={form.channel}
        options={CHANNEL_OPTIONS}
        onChange={(v) => set('channel', v)}
        error={errors.channel}
      />
      <TextField
        name="target"
        label={TARGET_LABEL[form.channel]}
        hint={targetHint}
        value={form.target}
        onChange={(v) => set('target', v)}
        maxlength={300}
        inputMode={form.channel === 'sms' ? 'tel' : 'text'}
        autoComplete="off"
        error={errors.target}
      />
      <ChoiceChips
        name="events"
        label="哪些消息"
        hint="可以选多项"
        options={EVENT_OPTIONS}
        value={form.events}
        onChange={(v) => set('events', v)}
        error={errors.events}
      />
      <ChoiceChips
        name="roles"
        label="抄送哪些对象收到的通知"
        hint="例如选“发给商家的通知”，商家收到新投诉时群里也会收到"
        options={ROLE_OPTIONS}
        value={form.roles}
        onChange={(v) => set('roles', v)}
        error={errors.roles}
      />
      <View className="contact-form__actions">
        <ActionButton label="保存通知联系人" busy={busy} busyText="正在保存…" onPress={onSave} />
        <ActionButton label="取消" variant="secondary" onPress={onCancel} />
      </View>
    </View>
  )
}
