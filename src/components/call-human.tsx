import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { activateProps } from '../hooks/use-activate'
import { callLabel, humanLine } from './call-human-number'
import './call-human.scss'

// 一键转接人工: one tap to a person on every consumer page and the proxy receipt. In WeChat it asks
// the phone to dial (makePhoneCall); the H5 build (call-human.h5.tsx) is a tel: link instead.
interface Props {
  hotline?: string | null
  siteName?: string | null
  className?: string
}

export function CallHuman({ hotline, siteName, className }: Props) {
  const line = humanLine(hotline, siteName)
  return (
    <View
      className={`call-human ${className ?? ''}`}
      role="button"
      tabIndex={0}
      aria-label={callLabel(line)}
      {...activateProps(() => void Taro.makePhoneCall({ phoneNumber: line.dial }).catch(() => undefined), 'button')}
    >
      <View className="call-human__title">一键转接人工</View>
      <View className="call-human__number">
        拨打{line.who}电话 {line.shown}
      </View>
    </View>
  )
}
