import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { useRemote } from '../../../hooks/use-remote'
import { withQuery } from '../../routes'
import { ConsultList } from './consult-card'
import { CONSULT_PAGE } from './paths'
import './consult.scss'

// 我的投诉's second list: this phone's consultations, each marked 咨询, kept apart from the cases
// (they are counted apart too). Nothing shows while loading or when there are none: the complaints
// above are what the page is for; a failure here must not hide them.
export function MyConsultations() {
  const load = useCallback(() => call('consumer', 'listMyConsultations', {}), [])
  const { state } = useRemote(load, { refreshOnShow: true })
  if (state.status !== 'ready' || state.data.items.length === 0) return null
  return (
    <View className="my-consults">
      <View className="my-consults__title" role="heading" aria-level={2}>
        我的咨询
      </View>
      <ConsultList
        items={state.data.items}
        label="我的咨询列表"
        onOpen={(item) => Taro.navigateTo({ url: withQuery(CONSULT_PAGE, { id: item.id }) })}
      />
    </View>
  )
}
