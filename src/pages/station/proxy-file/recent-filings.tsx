import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { CaseList } from '../../../components/case-list'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'

// 我登记的投诉: what this helper filed for people lately, newest first — where each one stands, so a
// person who comes back to the desk can be told. Summaries only (no name or phone). A station
// account opens its own cases; a proxy point has no case page, so its rows are not links.
const SHOWN = 10

export function RecentFilings({ canOpen }: { canOpen: boolean }) {
  const load = useCallback(() => call('proxy', 'listMyFilings', {}), [])
  const { state } = useRemote(load, { refreshOnShow: true })
  return (
    <View className="proxy-file__recent">
      <View className="proxy-file__recent-title" role="heading" aria-level={2}>
        我最近登记的投诉
      </View>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'failed' ? <ErrorBanner message={state.error.message} /> : null}
      {state.status === 'ready' ? (
        <CaseList
          items={state.data.items.slice(0, SHOWN)}
          label="我最近登记的投诉"
          emptyText="还没有登记过投诉"
          onOpen={canOpen ? (item) => void Taro.navigateTo({ url: withQuery(PAGES.stationCase, { id: item.id }) }) : undefined}
        />
      ) : null}
    </View>
  )
}
