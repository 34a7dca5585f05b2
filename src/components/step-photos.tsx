import { View } from '@tarojs/components'
import { useState } from 'react'
import { uploadAvailable } from '../api/upload'
import type { StepPhotos } from '../hooks/use-step-photos'
import { EvidenceItem } from './evidence-item'
import { FileInput } from './file-input'
import { FormField } from './form-field'
import './evidence-picker.scss'

// The photos a step carries (the merchant's offer): one add button with the count, then each
// chosen photo as a row with its own progress, 重试 and 移除 — the complaint form's evidence rows.
interface Props {
  name: string
  label: string
  hint: string
  photos: StepPhotos
  error?: string
}

export function StepPhotosField({ name, label, hint, photos, error }: Props) {
  const [notice, setNotice] = useState('')
  const count = photos.entries.length
  return (
    <FormField name={name} label={label} optional hint={uploadAvailable ? hint : undefined} error={error}>
      {uploadAvailable ? (
        <FileInput
          kind="photo"
          label={`添加照片，已有${count}张，最多${photos.max}张`}
          multiple
          disabled={count >= photos.max}
          onPick={(files) => setNotice(photos.add(files))}
          className="step-photos__add"
        >
          <View className="evidence-picker__plus">＋照片</View>
          <View className="evidence-picker__count">
            {count}/{photos.max}
          </View>
        </FileInput>
      ) : (
        // weapp uploads are not open yet (api/upload.weapp.ts): say so instead of a dead button
        <View className="evidence-picker__unavailable">小程序端暂不能添加照片，请在说明中写清楚</View>
      )}
      <View className="evidence-picker__notice" role="status">
        {notice}
      </View>
      {count > 0 ? (
        <View className="evidence-picker__list" role="list" aria-label="已选择的照片">
          {photos.entries.map((entry) => (
            <EvidenceItem
              key={entry.localId}
              entry={entry}
              progress={photos.uploads.progress[entry.localId] ?? 0}
              canResend={photos.uploads.hasBytes(entry.localId)}
              onRetry={() => photos.uploads.retry(entry)}
              onReplace={(file) => photos.uploads.replace(entry, file)}
              onRemove={() => photos.uploads.remove(entry.localId)}
            />
          ))}
        </View>
      ) : null}
    </FormField>
  )
}
