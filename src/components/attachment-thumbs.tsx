import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { EvidenceView } from '../domain/evidence.schema'
import { activateProps } from '../hooks/use-activate'
import { FileLink } from './file-link'
import './attachment-thumbs.scss'

// The files one step carried (the photos of a merchant's offer…), compact enough for a timeline:
// pictures as a row of thumbnails (tap to see them large, swipe through the step's pictures),
// other files as links. The links are short-lived; the page reloads them with the case.
const isPicture = (item: EvidenceView) => !!item.url && item.mime.startsWith('image/')

export function AttachmentThumbs({ items, label }: { items: EvidenceView[]; label: string }) {
  if (items.length === 0) return null
  const pictures = items.filter(isPicture).map((item) => item.url as string)
  return (
    <View className="attachment-thumbs" role="list" aria-label={label}>
      {items.map((item, index) =>
        isPicture(item) ? (
          <View className="attachment-thumbs__item" role="listitem" key={item.id}>
            <View
              className="attachment-thumbs__thumb"
              role="button"
              tabIndex={0}
              aria-label={`查看大图：第${index + 1}张，${item.displayName}`}
              {...activateProps(
                () => void Taro.previewImage({ urls: pictures, current: item.url as string }).catch(() => undefined),
                'button',
              )}
            >
              <Image
                className="attachment-thumbs__img"
                src={item.url as string}
                mode="aspectFill"
                nativeProps={{ alt: item.displayName }}
              />
            </View>
          </View>
        ) : (
          <View className="attachment-thumbs__item attachment-thumbs__item--file" role="listitem" key={item.id}>
            <FileLink item={item} />
          </View>
        ),
      )}
    </View>
  )
}
