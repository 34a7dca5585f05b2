import { RadioGroupField, type RadioOption } from './radio-group'

// A 1–5 score (处理速度, 专业程度, 服务态度): five tiles with the number large and a word under it,
// so nobody has to guess whether 1 is best or worst.
type ScoreText = '1' | '2' | '3' | '4' | '5'
const SCORES: readonly RadioOption<ScoreText>[] = [
  { value: '1', label: '1', hint: '很差', spoken: '1分，很差' },
  { value: '2', label: '2', hint: '较差', spoken: '2分，较差' },
  { value: '3', label: '3', hint: '一般', spoken: '3分，一般' },
  { value: '4', label: '4', hint: '较好', spoken: '4分，较好' },
  { value: '5', label: '5', hint: '很好', spoken: '5分，很好' },
]

interface Props {
  name: string
  label: string
  value: number | null
  onChange: (score: number) => void
  error?: string
}

export function ScoreChoice({ name, label, value, onChange, error }: Props) {
  return (
    <RadioGroupField
      name={name}
      label={label}
      value={value === null ? '' : (String(value) as ScoreText)}
      options={SCORES}
      onChange={(score) => onChange(Number(score))}
      error={error}
      columns={5}
    />
  )
}
