import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useEffect } from 'react'
import { call, logout } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseList } from '../../../components/case-list'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import type { ActionOutput } from '../../../domain/api/contract'
import type { Result } from '../../../domain/errors'
import { ROLE_LABELS } from '../../../domain/labels'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES } from '../../routes'
import './index.scss'

// The station's board: who is signed in, and every case of the site. Both calls go out together;
// either one saying "not signed in / not allowed" sends the person to the login page.
interface BoardData {
  me: ActionOutput<'station', 'me'>
  board: ActionOutput<'station', 'listCases'>
}

async function loadBoard(): Promise<Result<BoardData>> {
  const [me, board] = await Promise.all([call('station', 'me', {}), call('station', 'listCases', {})])
  if (!me.ok) return me
  if (!board.ok) return board
  return { ok: true, data: { me: me.data, board: board.data } }
}

export default function StationBoard() {
  const { state, retry } = useRemote(loadBoard, { refreshOnShow: true })

  const signedOut = state.status === 'failed' && (state.error.code === 'UNAUTHENTICATED' || state.error.code === 'FORBIDDEN')
  useEffect(() => {
    if (signedOut) Taro.redirectTo({ url: PAGES.stationLogin })
  }, [signedOut])

  const signOut = async () => {
    await logout() // whatever the answer, the person asked to leave
    Taro.redirectTo({ url: PAGES.stationLogin })
  }

  if (state.status === 'loading' || signedOut) {
    return (
      <PageShell title="维权站工作台" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    return (
      <PageShell title="维权站工作台" wide>
        <ErrorBanner message={state.error.message} />
        <ActionButton label="重试" onPress={retry} />
      </PageShell>
    )
  }

  const { me, board } = state.data
  const siteName = me.siteName ?? board.siteName ?? '全部站点'
  return (
    <PageShell title="维权站工作台" wide className="station-board">
      <View className="station-board__bar">
        <View className="station-board__who">
          <View className="station-board__site">{siteName}</View>
          <View className="station-board__staff">
            {me.displayName}（{ROLE_LABELS[me.role]}）
          </View>
        </View>
        <ActionButton className="station-board__logout" label="退出登录" variant="secondary" onPress={() => void signOut()} />
      </View>
      <ActionButton
        className="station-board__proxy"
        label="代为登记投诉"
        onPress={() => Taro.navigateTo({ url: PAGES.proxyFile })}
      />
      <View className="station-board__section">本站投诉（{board.items.length}）</View>
      <CaseList items={board.items} label="本站投诉列表" emptyText="本站暂时没有投诉" />
    </PageShell>
  )
}
