import { View } from '@tarojs/components'
import { useState } from 'react'
import { UPLOAD_UNAVAILABLE_NOTICE, uploadAvailable } from '../api/upload'
import { EVIDENCE_KINDS, EVIDENCE_RULES } from '../domain/evidence.schema'
import type { EvidenceEntry } from '../hooks/complaint-draft'
import type { useEvidenceUploads } from '../hooks/use-evidence-uploads'
import { EvidenceItem } from './evidence-item'
import { FileInput } from './file-input'
import { FormField } from './form-field'
import './evidence-picker.scss'

// 证据: photos, videos, recordings and receipts, each kind with its own cap (EVIDENCE_RULES). One add
// button per kind showing how many are in, then every chosen file as a row with its own state.
interface Props {
  evidence: EvidenceEntry[]
  uploads: ReturnType<typeof useEvidenceUploads>
  error?: string
}

const HINT = '照片最多9张、视频3段、录音3段、票据5张（可为图片或PDF）。照片会先在手机上压缩再上传。'

export function EvidencePicker({ evidence, uploads, error }: Props) {
  const [notice, setNotice] = useState('')
  return (
    <FormField name="evidenceIds" label="证据" optional hint={uploadAvailable ? HINT : undefined} error={error}>
      {uploadAvailable ? (
        <View className="evidence-picker__add">
          {EVIDENCE_KINDS.map((kind) => {
            const rule = EVIDENCE_RULES[kind]
            const count = evidence.filter((e) => e.kind === kind).length
            const full = count >= rule.maxCount
            return (
              <FileInput
                key={kind}
                kind={kind}
                label={`添加${rule.label}，已有${count}个，最多${rule.maxCount}个`}
                multiple
                disabled={full}
                onPick={(files) => setNotice(uploads.add(kind, files))}
              >
                <View className="evidence-picker__plus">＋{rule.label}</View>
                <View className="evidence-picker__count">
                  {count}/{rule.maxCount}
                </View>
              </FileInput>
            )
          })}
        </View>
      ) : (
        <View className="evidence-picker__unavailable">{UPLOAD_UNAVAILABLE_NOTICE}</View>
      )}
      <View className="evidence-picker__notice" role="status">
        {notice}
      </View>
      {evidence.length > 0 ? (
        <View className="evidence-picker__list" role="list" aria-label="已选择的证据">
          {evidence.map((entry) => (
            <EvidenceItem
              key={entry.localId}
              entry={entry}
              progress={uploads.progress[entry.localId] ?? 0}
              canResend={uploads.hasBytes(entry.localId)}
              onRetry={() => uploads.retry(entry)}
              onReplace={(file) => uploads.replace(entry, file)}
              onRemove={() => uploads.remove(entry.localId)}
            />
          ))}
        </View>
      ) : null}
    </FormField>
  )
}
