import { View } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../api'
import type { ActionInput } from '../domain/api/contract'
import type { FieldErrors } from '../domain/errors'
import { INDUSTRY_LINES } from '../domain/industry'
import type { Merchant } from '../domain/merchant.schema'
import { BOOTH_MAX, DEFAULT_ON_SITE_MINUTES, DEFAULT_RESPONSE_MINUTES, SHOP_NAME_MAX } from '../domain/merchant/merchant-input.schema'
import { scrollToField } from '../hooks/scroll-to-field'
import { ActionButton } from './action-button'
import { ErrorBanner } from './feedback'
import { FormSection } from './form-section'
import { SelectField } from './select-field'
import { TextField } from './text-field'
import { ToggleSwitch } from './toggle-switch'
import './merchant-form.scss'

// A shop's registration, as station staff type it. The gateway checks it with the server's own
// schema before sending, and the server checks again (the credit code's checksum, a code another
// shop of the site already uses): either way each Chinese message lands under its field.
type SaveInput = ActionInput<'registry', 'saveMerchant'>
type Industry = SaveInput['industry']
type TextKey = 'name' | 'uscc' | 'address' | 'booth' | 'contactName' | 'contactPhone' | 'responseMinutes' | 'onSiteMinutes'

interface Props {
  /** null: a new shop */
  merchant: Merchant | null
  /** a new shop's site, when an administrator chose one; a station's shops go to its own site */
  siteId?: string
  onSaved: (merchant: Merchant, created: boolean) => void
}

const textOf = (m: Merchant | null): Record<TextKey, string> => ({
  name: m?.name ?? '',
  uscc: m?.uscc ?? '',
  address: m?.address ?? '',
  booth: m?.booth ?? '',
  contactName: m?.contactName ?? '',
  contactPhone: m?.contactPhone ?? '',
  responseMinutes: String(m?.responseMinutes ?? DEFAULT_RESPONSE_MINUTES),
  onSiteMinutes: String(m?.onSiteMinutes ?? DEFAULT_ON_SITE_MINUTES),
})

/** '' or words are not minutes: NaN makes the schema say "请填写分钟数" under the field. */
const minutesOf = (typed: string) => (/^\s*\d+\s*$/.test(typed) ? Number(typed) : Number.NaN)

export function MerchantForm({ merchant, siteId, onSaved }: Props) {
  const [text, setText] = useState(() => textOf(merchant))
  const [industry, setIndustry] = useState<string>(merchant?.industry ?? '')
  const [signed, setSigned] = useState(merchant?.doubleCommitmentSigned ?? false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [banner, setBanner] = useState('')
  const [saved, setSaved] = useState('')
  const [busy, setBusy] = useState(false)

  const edit = (key: TextKey) => (value: string) => {
    setText((all) => ({ ...all, [key]: value }))
    setSaved('')
    if (errors[key]) setErrors(({ [key]: _gone, ...rest }) => rest)
  }
  const field = (key: TextKey, label: string, maxlength: number, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField name={key} label={label} value={text[key]} onChange={edit(key)} maxlength={maxlength} error={errors[key]} {...extra} />
  )

  const save = async () => {
    setBanner('')
    setSaved('')
    const input: SaveInput = {
      ...(merchant ? { id: merchant.id } : siteId ? { siteId } : {}),
      name: text.name,
      uscc: text.uscc,
      address: text.address,
      booth: text.booth,
      industry: industry as Industry, // '' is refused by the schema: 请选择行业
      doubleCommitmentSigned: signed,
      responseMinutes: minutesOf(text.responseMinutes),
      onSiteMinutes: minutesOf(text.onSiteMinutes),
      contactName: text.contactName,
      contactPhone: text.contactPhone,
    }
    setBusy(true)
    const result = await call('registry', 'saveMerchant', input)
    setBusy(false)
    if (!result.ok) {
      const fields = result.error.fields ?? {}
      setErrors(fields)
      const first = Object.keys(fields)[0]
      if (first) scrollToField(first)
      // field errors (a credit code already in use too) stand under their fields, scrolled to
      if (!first) setBanner(result.error.message)
      return
    }
    setErrors({})
    setText(textOf(result.data.merchant))
    setSaved(result.data.created ? '已新增商户' : '已保存')
    onSaved(result.data.merchant, result.data.created)
  }

  return (
    <View className="merchant-form">
      <FormSection title="基本信息">
        {field('name', '店铺名称', SHOP_NAME_MAX)}
        {field('uscc', '统一社会信用代码', 18, { hint: '18位，见营业执照', autoComplete: 'off' })}
        {field('booth', '铺位号', BOOTH_MAX, { optional: true, placeholder: '如 B1-12' })}
        {field('address', '地址', 200, { optional: true })}
        <SelectField
          name="industry"
          label="行业"
          value={industry}
          options={INDUSTRY_LINES}
          placeholder="请选择行业"
          onChange={setIndustry}
          error={errors.industry}
        />
      </FormSection>
      <FormSection title="双承诺" note="签署后，海报和商户工作台都会写明本店的承诺时限。">
        <ToggleSwitch
          id="merchant-signed"
          label="已签署双承诺"
          checked={signed}
          onChange={setSigned}
          description={signed ? '顾客投诉后，本店按下列时限响应和到场' : '未签署：海报不印承诺'}
        />
        {signed ? (
          <View className="merchant-form__minutes">
            {field('responseMinutes', '响应时限（分钟）', 4, { inputMode: 'decimal', type: 'digit' })}
            {field('onSiteMinutes', '到场时限（分钟）', 4, { inputMode: 'decimal', type: 'digit' })}
          </View>
        ) : null}
      </FormSection>
      <FormSection title="联系人" note="只有维权站能看到完整的联系人信息。">
        {field('contactName', '联系人', 50, { optional: true })}
        {field('contactPhone', '联系电话', 11, { optional: true, inputMode: 'tel', hint: '11位手机号码' })}
      </FormSection>
      <ErrorBanner message={banner} />
      <View className="merchant-form__saved" role="status">
        {saved}
      </View>
      <ActionButton label={merchant ? '保存修改' : '新增商户'} busy={busy} busyText="正在保存…" onPress={() => void save()} />
    </View>
  )
}
