import { View } from '@tarojs/components'
import type { LocalFile } from '../api/upload'
import { EVIDENCE_RULES } from '../domain/evidence.schema'
import type { EvidenceEntry } from '../hooks/complaint-draft'
import { ActionButton } from './action-button'
import { FileInput } from './file-input'
import { ProgressBar } from './progress-bar'

// One chosen file: its name and size, then either the upload's progress, 已上传, or what went wrong
// with a way to try again. A failure stays on this row; the other files carry on.
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))}KB`
  return `${(bytes / 1024 / 1024).toFixed(1)}MB`
}

interface Props {
  entry: EvidenceEntry
  progress: number
  /** false when the bytes are gone (after a reload): the row then asks for the file again */
  canResend: boolean
  onRetry: () => void
  onReplace: (file: LocalFile) => void
  onRemove: () => void
}

export function EvidenceItem({ entry, progress, canResend, onRetry, onReplace, onRemove }: Props) {
  const rule = EVIDENCE_RULES[entry.kind]
  const needsFileAgain = (entry.status === 'pending' || entry.status === 'failed') && !canResend
  return (
    <View className={`evidence-item evidence-item--${entry.status}`} role="listitem" aria-label={`${rule.label}：${entry.name}`}>
      <View className="evidence-item__head">
        <View className="evidence-item__kind">{rule.label}</View>
        <View className="evidence-item__name">{entry.name}</View>
        <View className="evidence-item__size">{formatBytes(entry.size)}</View>
      </View>

      {entry.status === 'failed' ? (
        <View className="evidence-item__error" role="alert">
          {entry.error || '上传失败'}
        </View>
      ) : null}
      {entry.status === 'pending' ? (
        <View className="evidence-item__error" role="alert">
          还没有上传成功{needsFileAgain ? '，请重新选择这个文件' : ''}
        </View>
      ) : null}

      <View className="evidence-item__foot">
        <View className="evidence-item__state">
          {entry.status === 'uploading' ? <ProgressBar value={progress} label={`${entry.name} 上传进度`} /> : null}
          {entry.status === 'done' ? <View className="evidence-item__done">✓ 已上传</View> : null}
        </View>
        {entry.status === 'failed' || entry.status === 'pending' ? (
          needsFileAgain ? (
            <FileInput
              kind={entry.kind}
              label={`重新选择 ${entry.name}`}
              onPick={(files) => onReplace(files[0])}
              className="evidence-item__again"
            >
              重新选择
            </FileInput>
          ) : (
            <ActionButton className="evidence-item__btn" variant="secondary" label={`重试 ${entry.name}`} text="重试" onPress={onRetry} />
          )
        ) : null}
        <ActionButton
          className="evidence-item__btn evidence-item__remove"
          variant="quiet"
          label={`移除 ${entry.name}`}
          text="移除"
          onPress={onRemove}
        />
      </View>
    </View>
  )
}
