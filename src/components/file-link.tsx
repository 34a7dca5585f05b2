import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EVIDENCE_RULES, type EvidenceView } from '../domain/evidence.schema'
import { activateProps } from '../hooks/use-activate'

// A file that is not a picture (a PDF receipt, a video, a recording), attached to a step. WeChat
// cannot open a web link: a video plays in the media viewer, a PDF opens after download, anything
// else is listed by name. The H5 build (file-link.h5.tsx) uses a plain link.
async function openFile(item: EvidenceView) {
  if (!item.url) return
  if (item.mime.startsWith('video/')) {
    await Taro.previewMedia({ sources: [{ url: item.url, type: 'video' }] })
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url: item.url })
  await Taro.openDocument({ filePath: tempFilePath, showMenu: false })
}

export function FileLink({ item }: { item: EvidenceView }) {
  const label = `${EVIDENCE_RULES[item.kind].label}：${item.displayName}`
  const canOpen = !!item.url && (item.mime.startsWith('video/') || item.mime === 'application/pdf')
  if (!canOpen) return <View className="file-link file-link--plain">{label}</View>
  return (
    <View
      className="file-link"
      role="button"
      tabIndex={0}
      aria-label={`打开${label}`}
      {...activateProps(() => void openFile(item).catch(() => undefined), 'button')}
    >
      {label}
    </View>
  )
}
