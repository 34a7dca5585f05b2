import { View } from '@tarojs/components'
import { FormSection } from '../../../components/form-section'
import { RadioGroupField, type RadioOption } from '../../../components/radio-group'
import { TextField } from '../../../components/text-field'
import type { FieldErrors } from '../../../domain/errors'
import { CHANNEL_LABELS, DESK_CHANNELS, type DeskChannel } from '../../../domain/intake-channel'

// How the case reached the desk (docs/domain.md "Channels"): station staff type in a 12345 hand-over
// (with its 转办单号 and when 12345 handed it over — every clock starts there), a caller, a visitor,
// or file as the proxy point. The time is typed as the 转办单 prints it, Beijing time.
export interface DeskIntake {
  channel: DeskChannel
  handoverNo: string
  /** as typed: "2026-03-09 16:30" */
  receivedText: string
}

export const NEW_INTAKE: DeskIntake = { channel: 'walk_in', handoverNo: '', receivedText: '' }

/** What the filing sends: the time as the schema takes it ("2026-03-09T16:30"), only where it belongs. */
export function intakeInput(i: DeskIntake) {
  const received = i.receivedText.trim().replace(/\s+/, 'T')
  return {
    channel: i.channel,
    handoverNo: i.channel === 'hotline_12345' ? i.handoverNo.trim() : '',
    receivedAt: i.channel === 'walk_in' || i.channel === 'proxy' ? '' : received,
  }
}

const CHANNELS: readonly RadioOption<DeskChannel>[] = DESK_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))

interface Props {
  value: DeskIntake
  onChange: (next: DeskIntake) => void
  errors: FieldErrors
}

export function IntakeFields({ value, onChange, errors }: Props) {
  const set = (patch: Partial<DeskIntake>) => onChange({ ...value, ...patch })
  const handOver = value.channel === 'hotline_12345'
  return (
    <FormSection title="登记方式">
      <RadioGroupField
        name="intake.channel"
        label="投诉从哪里来"
        value={value.channel}
        options={CHANNELS}
        columns={2}
        onChange={(channel) => set({ channel })}
        error={errors['intake.channel']}
      />
      {handOver ? (
        <TextField
          name="intake.handoverNo"
          label="12345转办单号"
          maxlength={40}
          placeholder="按转办单填写，如 ZB-20260309-0042"
          value={value.handoverNo}
          onChange={(handoverNo) => set({ handoverNo })}
          error={errors['intake.handoverNo']}
        />
      ) : null}
      {handOver || value.channel === 'phone' ? (
        <TextField
          name="intake.receivedAt"
          label={handOver ? '12345转办时间' : '来电时间'}
          maxlength={16}
          optional={!handOver}
          placeholder="如 2026-03-09 16:30"
          hint={handOver ? '转办单上的派发时间（北京时间）：各项办理时限从这一刻起算' : '不填则按现在计算'}
          value={value.receivedText}
          onChange={(receivedText) => set({ receivedText })}
          error={errors['intake.receivedAt']}
        />
      ) : null}
      {value.channel !== 'proxy' ? (
        <View className="proxy-file__intake-note">当事人的姓名、电话和地址由工作人员按来电或来访如实填写。</View>
      ) : null}
    </FormSection>
  )
}
