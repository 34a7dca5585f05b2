import { View } from '@tarojs/components'
import type { useVoiceProposal } from '../hooks/use-voice-proposal'
import { ActionButton } from './action-button'
import './extraction-proposal.scss'

// 识别到的信息: what was heard that fits the form's other questions, each with the words it came
// from. Nothing is filled until the person taps 填入 (one field) or 全部填入; what they already
// filled in is never offered, so never overwritten.
interface Props {
  proposal: ReturnType<typeof useVoiceProposal>
}

export function ExtractionProposal({ proposal }: Props) {
  const { rows } = proposal
  if (rows.length === 0) return null
  return (
    <View className="extraction-proposal" role="region" aria-labelledby="extraction-proposal-title">
      <View className="extraction-proposal__title" id="extraction-proposal-title">
        识别到的信息
      </View>
      <View className="extraction-proposal__note">从您说的话里找到这些，请核对后填入；已填写的内容不会被改动</View>
      <View className="extraction-proposal__list" role="list">
        {rows.map((row) => (
          <View key={row.key} className={`extraction-proposal__row extraction-proposal__row--${row.key}`} role="listitem">
            <View className="extraction-proposal__text">
              <View className="extraction-proposal__label">{row.label}</View>
              <View className="extraction-proposal__value">{row.value}</View>
              {row.source ? <View className="extraction-proposal__source">依据：“{row.source}”</View> : null}
            </View>
            <ActionButton
              className={`extraction-proposal__apply extraction-proposal__apply--${row.key}`}
              variant="secondary"
              label={`填入 ${row.label}：${row.value}`}
              text="填入"
              onPress={() => proposal.apply(row.key)}
            />
          </View>
        ))}
      </View>
      <ActionButton
        className="extraction-proposal__all"
        label={rows.length > 1 ? `全部填入（${rows.length}项）` : '填入'}
        onPress={proposal.applyAll}
      />
      <ActionButton className="extraction-proposal__dismiss" variant="quiet" label="不用了" onPress={proposal.dismiss} />
    </View>
  )
}
