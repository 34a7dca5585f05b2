import { View } from '@tarojs/components'
import { normalizePhone } from '../domain/phone'
import type { DraftFields } from '../hooks/complaint-draft'
import type { FieldErrors } from '../domain/errors'
import { ChoiceGroup } from './choice-group'
import { FormField, fieldIds } from './form-field'
import { TextField } from './text-field'
import { ToggleSwitch } from './toggle-switch'

// 投诉 or 举报, and who is asking. A 投诉 restores one's own rights, so the law asks for name, phone
// and address; a 举报 points out an illegal act and may be anonymous — switching 匿名举报 on hides
// the identity fields and empties them, so nothing typed before is sent by mistake.
interface Props {
  fields: DraftFields
  errors: FieldErrors
  set: <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void
  patch: (patch: Partial<DraftFields>) => void
  /** proxy filing: the person is in front of the helper, so the words speak of 当事人 */
  forSomeoneElse?: boolean
}

const KINDS = [
  { value: 'complaint', label: '投诉', description: '为自己维权，如退款、赔偿' },
  { value: 'report', label: '举报', description: '反映商家违法行为，可匿名' },
] as const

export function IdentityFields({ fields, errors, set, patch, forSomeoneElse }: Props) {
  const report = fields.kind === 'report'
  const hidden = report && fields.anonymous
  const who = forSomeoneElse ? '当事人' : '您'
  return (
    <>
      <FormField name="kind" label="类型" error={errors.kind}>
        <ChoiceGroup
          label="类型"
          labelledBy={fieldIds('kind').label}
          value={fields.kind}
          options={KINDS}
          onChange={(kind) => patch(kind === 'complaint' ? { kind, anonymous: false } : { kind, sharePhoneWithMerchant: false })}
        />
      </FormField>

      {report ? (
        <View id={fieldIds('anonymous').wrapper} className="identity__report">
          <View className="identity__promise">举报人的信息不会提供给被举报的商家。</View>
          <ToggleSwitch
            id="anonymous-switch"
            label="匿名举报"
            description="开启后不填写姓名、电话和地址，也就无法接到处理结果的回复"
            checked={fields.anonymous}
            onChange={(on) => patch(on ? { anonymous: true, name: '', phone: '', address: '' } : { anonymous: false })}
          />
          {errors.anonymous ? (
            <View className="field-error" role="alert">
              {errors.anonymous}
            </View>
          ) : null}
        </View>
      ) : null}

      {hidden ? null : (
        <>
          <TextField
            name="name"
            label={`${who}的姓名`}
            value={fields.name}
            onChange={(v) => set('name', v)}
            maxlength={50}
            error={errors.name}
            autoComplete="name"
            optional={report}
          />
          <TextField
            name="phone"
            label="手机号码"
            value={fields.phone}
            onChange={(v) => set('phone', v)}
            onBlur={() => {
              // full-width digits from a Chinese keyboard, spaces, +86: shown tidied once typed
              const tidy = normalizePhone(fields.phone)
              if (tidy && tidy !== fields.phone) set('phone', tidy)
            }}
            maxlength={40}
            error={errors.phone}
            inputMode="tel"
            autoComplete="tel"
            hint="用于告知处理进度；商家默认只能看到隐去中间四位的号码"
            optional={report}
          />
          <TextField
            name="address"
            label="联系地址"
            value={fields.address}
            onChange={(v) => set('address', v)}
            maxlength={200}
            error={errors.address}
            autoComplete="street-address"
            optional={report}
          />
        </>
      )}
    </>
  )
}
