import { View } from '@tarojs/components'
import { EVIDENCE_RULES, type EvidenceView } from '../domain/evidence.schema'

// H5: a file that is not a picture opens from its short-lived signed link in a new tab, where the
// browser plays or shows it. Without a link (a viewer who may not open files) only its name shows.
export function FileLink({ item }: { item: EvidenceView }) {
  const label = `${EVIDENCE_RULES[item.kind].label}：${item.displayName}`
  if (!item.url) return <View className="file-link file-link--plain">{label}</View>
  return (
    <a className="file-link" href={item.url} target="_blank" rel="noopener noreferrer" aria-label={`打开${label}（新窗口）`}>
      {label}
    </a>
  )
}
