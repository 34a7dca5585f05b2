import { Text } from '@tarojs/components'
import type { CaseStatus } from '../domain/case.schema'
import { STATUS_LABELS } from '../domain/labels'
import './status-tag.scss'

// The status word from labels.ts, the same words the functions use in notifications.
export function StatusTag({ status }: { status: CaseStatus }) {
  return <Text className={`status-tag status-tag--${status}`}>{STATUS_LABELS[status]}</Text>
}
