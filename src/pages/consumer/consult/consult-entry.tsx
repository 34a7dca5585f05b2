import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { activateProps } from '../../../hooks/use-activate'
import { withQuery } from '../../routes'
import { CONSULT_PAGE } from './paths'
import '../../../components/lookup-entry.scss'

// 我要咨询 on the page a shop's QR code opens, styled like 查进度 beside it: someone who only has a
// question about this shop asks it (about this shop) instead of filing a complaint.
export function ConsultEntry({ merchantCode }: { merchantCode: string | null }) {
  const go = () => void Taro.navigateTo({ url: merchantCode ? withQuery(CONSULT_PAGE, { m: merchantCode }) : CONSULT_PAGE })
  return (
    <View
      className="lookup-entry consult-entry"
      role="link"
      tabIndex={0}
      aria-label="只是想问问？我要咨询"
      hoverClass="lookup-entry--pressed"
      {...activateProps(go, 'link')}
    >
      <View className="lookup-entry__text" aria-hidden>
        只是想问问？
      </View>
      <View className="lookup-entry__go" aria-hidden>
        我要咨询 ›
      </View>
    </View>
  )
}
