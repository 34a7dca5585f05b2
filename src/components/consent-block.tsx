import { View } from '@tarojs/components'
import { CONSENT_TEXT, CONSENT_TITLE } from '../domain/consent'
import { CheckBox } from './check-box'
import { describedBy, fieldIds, FormField } from './form-field'
import './consent-block.scss'

// The short privacy notice, shown in full (four sentences) right above the box that agrees to it.
// `self`: the person ticks 我已阅读并同意 on their own phone. `read_aloud`: a helper at a service desk
// reads it to the person and ticks that they did and that the person agreed (the attestation).
interface Props {
  mode: 'self' | 'read_aloud'
  agreed: boolean
  onChange: (agreed: boolean) => void
  error?: string
}

export function ConsentBlock({ mode, agreed, onChange, error }: Props) {
  const name = mode === 'self' ? 'consentVersion' : 'attestation'
  const ids = fieldIds(name)
  const label = mode === 'self' ? `我已阅读并同意《${CONSENT_TITLE}》` : '已向当事人宣读个人信息告知并取得同意'
  return (
    <FormField name={name} label={CONSENT_TITLE} error={error} className="consent-block">
      {mode === 'read_aloud' ? <View className="consent-block__aloud">请向当事人逐条宣读以下内容：</View> : null}
      <View className="consent-block__text" id={ids.hint}>
        {CONSENT_TEXT.map((line, i) => (
          <View className="consent-block__line" key={i}>
            {i + 1}. {line}
          </View>
        ))}
      </View>
      <CheckBox
        className="consent-block__agree"
        label={label}
        checked={agreed}
        onChange={onChange}
        invalid={!!error}
        describedBy={describedBy(name, error, true)}
      />
    </FormField>
  )
}
