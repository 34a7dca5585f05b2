import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { activateProps } from '../hooks/use-activate'
import { PAGES } from '../pages/routes'
import './lookup-entry.scss'

// 查进度 on the page a shop's QR code opens: the printed receipt sends people there to follow their
// case ("扫描二维码…点查进度"), so the entry sits right under the shop, one line, a full-width target.
export function LookupEntry({ className }: { className?: string }) {
  const go = () => void Taro.navigateTo({ url: PAGES.lookup })
  return (
    <View
      className={`lookup-entry ${className ?? ''}`}
      role="link"
      tabIndex={0}
      aria-label="已经投诉过？查进度"
      hoverClass="lookup-entry--pressed"
      {...activateProps(go, 'link')}
    >
      <View className="lookup-entry__text" aria-hidden>
        已经投诉过？
      </View>
      <View className="lookup-entry__go" aria-hidden>
        查进度 ›
      </View>
    </View>
  )
}
