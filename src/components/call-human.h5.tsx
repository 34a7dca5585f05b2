import { View } from '@tarojs/components'
import { callLabel, humanLine } from './call-human-number'
import './call-human.scss'

// H5: a plain tel: link, which every phone browser dials and every keyboard and screen reader
// knows as a link. (WeChat's build uses makePhoneCall: call-human.tsx.)
interface Props {
  hotline?: string | null
  siteName?: string | null
  className?: string
}

export function CallHuman({ hotline, siteName, className }: Props) {
  const line = humanLine(hotline, siteName)
  return (
    <a className={`call-human ${className ?? ''}`} href={`tel:${line.dial}`} aria-label={callLabel(line)}>
      <View className="call-human__title">一键转接人工</View>
      <View className="call-human__number">
        拨打{line.who}电话 {line.shown}
      </View>
    </a>
  )
}
