import { View } from '@tarojs/components'
import { DEMAND_LABELS, DEMANDS, type Demand } from '../domain/classification'
import { CheckBox } from './check-box'
import { describedBy, fieldIds, FormField } from './form-field'
import './demand-checkboxes.scss'

// 诉求: what the person wants the shop to do — several at once (退款 and 道歉, say). A group of
// checkboxes in a two-column grid of chips, kept in the order DEMANDS lists them.
interface Props {
  value: Demand[]
  onChange: (value: Demand[]) => void
  error?: string
  optional?: boolean
}

export function DemandCheckboxes({ value, onChange, error, optional }: Props) {
  const ids = fieldIds('demands')
  const toggle = (demand: Demand, on: boolean) => onChange(DEMANDS.filter((d) => (d === demand ? on : value.includes(d))))
  return (
    <FormField name="demands" label="您的诉求" hint="可以选多项" error={error} optional={optional}>
      <View className="demand-checkboxes" role="group" aria-labelledby={ids.label} aria-describedby={describedBy('demands', error, true)}>
        {DEMANDS.map((demand) => (
          <CheckBox
            key={demand}
            variant="chip"
            className={`demand-checkboxes__${demand}`}
            label={DEMAND_LABELS[demand]}
            checked={value.includes(demand)}
            invalid={!!error}
            onChange={(on) => toggle(demand, on)}
          />
        ))}
      </View>
    </FormField>
  )
}
