import { View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { REMEDIES, REMEDY_LABELS } from '../domain/workflow/event-details'
import { useStepPhotos } from '../hooks/use-step-photos'
import { MAX_OFFER_PHOTOS, MONEY_REMEDIES, offerStep, type OfferChoice } from './offer-step'
import { RadioGroupField, type RadioOption } from './radio-group'
import { ReasonField } from './reason-field'
import { StepFormButtons, errorFixer, passLocalChecks, type StepFormProps } from './step-form-parts'
import { StepPhotosField } from './step-photos'
import { TextField } from './text-field'

// 商家答复: the shop either proposes a remedy (退款 / 换货 / 维修 / 赔偿 / 解释说明, an amount where
// money changes hands, a note, up to 4 photos such as a refund slip) or says 不同意 with its reason.
// The shopper decides on exactly this, so every part is a labelled field with its error under it.
const CHOICES: readonly RadioOption<OfferChoice>[] = [
  ...REMEDIES.map((remedy) => ({ value: remedy, label: REMEDY_LABELS[remedy] })),
  { value: 'refusal', label: '不同意', spoken: '不同意消费者的诉求' },
]
const SHOWN = ['details.remedy', 'details.amountFen', 'details.note', 'attachments'] as const

export function OfferForm({ busy, errors, onErrors, onSubmit, onCancel }: StepFormProps) {
  const [choice, setChoice] = useState<OfferChoice | ''>('')
  const [amount, setAmount] = useState('')
  const [note, setNote] = useState('')
  const photos = useStepPhotos(MAX_OFFER_PHOTOS)
  const refusing = choice === 'refusal'
  const withMoney = choice !== '' && MONEY_REMEDIES.includes(choice)
  const fixed = errorFixer(errors, onErrors)
  /** a setter that also clears the error of the field it sets */
  const setting = (set: (value: string) => void, key: string) => (value: string) => {
    set(value)
    fixed(key)
  }
  // "still uploading" is stale once the uploads are done
  useEffect(() => {
    if (!photos.problem) fixed('attachments')
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the upload problem matters; fixed is rebuilt each render
  }, [photos.problem])

  const submit = () => {
    const result = offerStep({ choice, amount, note, photoIds: photos.ids, photoProblem: photos.problem })
    if ('errors' in result) passLocalChecks(result.errors, onErrors)
    else onSubmit(result.step)
  }

  return (
    <View className="step-form offer-form">
      <RadioGroupField
        name="details.remedy"
        label="处理方案"
        value={choice}
        options={CHOICES}
        onChange={setting((value) => setChoice(value as OfferChoice), 'details.remedy')}
        error={errors['details.remedy']}
        columns={3}
      />
      {withMoney ? (
        <TextField
          name="details.amountFen"
          label="金额（元）"
          value={amount}
          onChange={setting(setAmount, 'details.amountFen')}
          maxlength={16}
          optional
          hint="如 128 或 128.50；不涉及金额可不填"
          inputMode="decimal"
          type="digit"
          error={errors['details.amountFen']}
        />
      ) : null}
      <ReasonField
        name="details.note"
        label={refusing ? '不同意的理由' : '方案说明'}
        optional={!refusing}
        autoFocus={false}
        short
        placeholder={refusing ? '如：商品已超过退换期限' : '如：全额退款并道歉，今天到店即可办理'}
        value={note}
        onChange={setting(setNote, 'details.note')}
        error={errors['details.note']}
      />
      <StepPhotosField
        name="attachments"
        label="照片"
        hint={`最多${MAX_OFFER_PHOTOS}张，如退款凭证、商品照片`}
        photos={photos}
        error={errors.attachments}
      />
      <StepFormButtons submitLabel="提交答复" busy={busy} onSubmit={submit} onCancel={onCancel} errors={errors} shown={SHOWN} />
    </View>
  )
}
