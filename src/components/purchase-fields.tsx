import { PROBLEM_TYPES } from '../domain/classification'
import type { FieldErrors } from '../domain/errors'
import { INDUSTRY_LINES } from '../domain/industry'
import type { DraftFields } from '../hooks/complaint-draft'
import { DateTimeField } from './date-time-field'
import { SelectField } from './select-field'
import { TextField } from './text-field'

// What was bought and what went wrong with it: when, how much, what, and which kind of problem.
// The industry line is pre-chosen from the shop (setShop in the draft hook) and can be changed.
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
      <SelectField
        name="problemType"
        label="问题类型"
        placeholder="请选择问题类型"
        value={fields.problemType}
        options={PROBLEM_TYPES}
        onChange={(v) => set('problemType', v as DraftFields['problemType'])}
        error={errors.problemType}
      />
      <SelectField
        name="industry"
        label="所属行业"
        placeholder="请选择行业"
        hint="已按商户登记的行业预选，不对可以改"
        value={fields.industry}
        options={INDUSTRY_LINES}
        onChange={(v) => set('industry', v as DraftFields['industry'])}
        error={errors.industry}
      />
    </>
  )
}
