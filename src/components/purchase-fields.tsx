import type { FieldErrors } from '../domain/errors'
import type { DraftFields } from '../hooks/complaint-draft'
import { DateTimeField } from './date-time-field'
import { TextField } from './text-field'

// What was bought: when, how much, what. All optional, folded on the form (issue 16.6); the kind of
// problem and the industry line are asked with what happened (ComplaintForm).
interface Props {
  fields: DraftFields
  errors: FieldErrors
  set: <K extends keyof DraftFields>(key: K, value: DraftFields[K]) => void
}

export function PurchaseFields({ fields, errors, set }: Props) {
  return (
    <>
      <DateTimeField
        name="purchaseTime"
        label="消费时间"
        optional
        date={fields.purchaseDate}
        clock={fields.purchaseClock}
        onDate={(v) => set('purchaseDate', v)}
        onClock={(v) => set('purchaseClock', v)}
        error={errors.purchaseTime}
      />
      <TextField
        name="amountYuan"
        label="涉及金额（元）"
        optional
        value={fields.amountYuan}
        onChange={(v) => set('amountYuan', v)}
        maxlength={16}
        inputMode="decimal"
        type="digit"
        placeholder="例如 128.50"
        error={errors.amountYuan}
      />
      <TextField
        name="product"
        label="商品或服务"
        optional
        value={fields.product}
        onChange={(v) => set('product', v)}
        maxlength={100}
        placeholder="例如 麻辣烫、羽绒服、洗车"
        error={errors.product}
      />
    </>
  )
}
