import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { EVIDENCE_RULES, type EvidenceView } from '../domain/evidence.schema'
import { activateProps } from '../hooks/use-activate'
import { AudioPlayer } from './audio-player'
import { formatBytes } from './evidence-item'
import './evidence-list.scss'

// The evidence attached to a case, read-only. Pictures show as thumbnails from their short-lived
// link (tap to see them large); a recording gets a player, so staff and merchants can hear a
// spoken complaint that no speech engine turned into text; other files show their kind, name and
// size. Without a link (a viewer who may not open files) only the name is shown.
export function EvidenceList({ items }: { items: EvidenceView[] }) {
  if (items.length === 0) return <View className="evidence-list__none">没有附件</View>
  const pictures = items.filter((e) => e.url && e.mime.startsWith('image/')).map((e) => e.url as string)
  return (
    <View className="evidence-list" role="list" aria-label="证据">
      {items.map((item) => {
        const picture = item.url && item.mime.startsWith('image/') ? item.url : null
        return (
          <View className="evidence-list__item" role="listitem" key={item.id}>
            {picture ? (
              <View
                className="evidence-list__thumb"
                role="button"
                tabIndex={0}
                aria-label={`查看大图：${item.displayName}`}
                {...activateProps(() => void Taro.previewImage({ urls: pictures, current: picture }).catch(() => undefined), 'button')}
              >
                <Image className="evidence-list__img" src={picture} mode="aspectFill" nativeProps={{ alt: item.displayName }} />
              </View>
            ) : (
              <View className="evidence-list__file" aria-hidden>
                {EVIDENCE_RULES[item.kind].label}
              </View>
            )}
            <View className="evidence-list__meta">
              <View className="evidence-list__name">{item.displayName}</View>
              <View className="evidence-list__size">
                {EVIDENCE_RULES[item.kind].label} · {formatBytes(item.bytes)}
              </View>
              {item.url && item.mime.startsWith('audio/') ? <AudioPlayer src={item.url} label={`录音：${item.displayName}`} /> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
