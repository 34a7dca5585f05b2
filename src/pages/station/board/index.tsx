import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import { call, logout } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseList } from '../../../components/case-list'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { InboxLink } from '../../../components/inbox-link'
import { PageShell } from '../../../components/page-shell'
import type { ActionOutput } from '../../../domain/api/contract'
import type { Result } from '../../../domain/errors'
import { ROLE_LABELS } from '../../../domain/labels'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { BoardFilters, type BoardFilter } from './board-filters'
import { useMorePages } from './use-more-pages'
import { CONTACTS_PAGE } from '../contacts/paths'
import { STATION_CONSULTS_PAGE } from '../../consumer/consult/paths'
import './index.scss'

// The station's board: who is signed in, and the site's cases — open ones by default — in the
// order the server gives (the clock due soonest first), each with its clock's colour word. Both
// calls go out together. Not signed in → login; a proxy account (no board) → its own filing page;
// any other refusal → login with the reason said above the form, never a blank form.
interface BoardData {
  me: ActionOutput<'station', 'me'>
  board: ActionOutput<'station', 'listCases'>
}

async function loadBoard(filter: BoardFilter): Promise<Result<BoardData>> {
  const [me, board] = await Promise.all([call('station', 'me', {}), call('station', 'listCases', filter)])
  if (!me.ok) return me
  // a proxy desk has no board (403): the page sends it on to its own filing page
  if (me.data.role === 'proxy') return { ok: true, data: { me: me.data, board: { siteName: null, items: [], nextCursor: null } } }
  if (!board.ok) return board
  return { ok: true, data: { me: me.data, board: board.data } }
}

export default function StationBoard() {
  const [filter, setFilter] = useState<BoardFilter>({ scope: 'open' })
  const load = useCallback(() => loadBoard(filter), [filter])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })

  // a changed filter asks again (the first load is useRemote's own)
  const firstFilter = useRef(true)
  useEffect(() => {
    if (firstFilter.current) {
      firstFilter.current = false
      return
    }
    void reload()
  }, [filter, reload])

  const pages = useMorePages(state.status === 'ready' ? state.data.board : null, filter)

  const failedCode = state.status === 'failed' ? state.error.code : null
  const signedOut = failedCode === 'UNAUTHENTICATED' || failedCode === 'FORBIDDEN'
  useEffect(() => {
    if (failedCode === 'UNAUTHENTICATED') void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { reason: 'expired' }) })
    if (failedCode === 'FORBIDDEN') void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { reason: 'forbidden' }) })
  }, [failedCode])
  const proxyDesk = state.status === 'ready' && state.data.me.role === 'proxy'
  useEffect(() => {
    if (proxyDesk) void Taro.redirectTo({ url: PAGES.proxyFile })
  }, [proxyDesk])

  const signOut = async () => {
    await logout() // whatever the answer, the person asked to leave
    await Taro.redirectTo({ url: PAGES.stationLogin })
  }

  if (state.status === 'loading' || signedOut || proxyDesk) {
    return (
      <PageShell title="维权站工作台" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    return (
      <PageShell title="维权站工作台" wide className="station-board">
        <BoardFilters filter={filter} onChange={setFilter} />
        <ErrorBanner message={state.error.message} />
        <ActionButton label="重试" onPress={retry} />
      </PageShell>
    )
  }

  const { me, board } = state.data
  // a regulator with no site of its own watches the whole city: its words say so
  const city = me.role === 'regulator' && !me.siteName
  const siteName = me.siteName ?? board.siteName ?? '全市各站点'
  const where = city ? '全市' : '本站'
  const heading = filter.scope === 'all' ? `${where}投诉` : `${where}未结投诉`
  return (
    <PageShell title={city ? '市场监管工作台' : '维权站工作台'} wide className="station-board">
      <View className="station-board__bar">
        <View className="station-board__who">
          <View className="station-board__site">{siteName}</View>
          <View className="station-board__staff">
            {me.displayName}（{ROLE_LABELS[me.role]}）
          </View>
        </View>
        <View className="station-board__tools">
          {/* filing for someone is a station's or a proxy point's work, not a regulator's */}
          {me.role === 'station' ? (
            <ActionButton className="station-board__proxy" label="代为登记投诉" onPress={() => Taro.navigateTo({ url: PAGES.proxyFile })} />
          ) : null}
          {/* a proxy desk has no site inbox, nor (yet) a city-wide regulator: its inbox.list answers 403 */}
          {me.role === 'station' || (me.role === 'regulator' && me.siteName) ? (
            <InboxLink as={me.role} compact className="station-board__inbox" />
          ) : null}
          {/* 投诉信息公示 (issue 19.2): the site's threshold and the shops' objections */}
          {me.role === 'station' ? (
            <ActionButton
              className="station-board__settings"
              label="投诉信息公示"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: PAGES.stationPublicRecords })}
            />
          ) : null}
          {/* a station sets its own site's clock numbers; a regulator has no site of its own */}
          {me.role === 'station' ? (
            <ActionButton
              className="station-board__settings"
              label="时限设置"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: PAGES.stationSettings })}
            />
          ) : null}
          {me.role === 'station' ? (
            <ActionButton
              className="station-board__settings"
              label="商户管理"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: '/pages/station/merchants/index' })}
            />
          ) : null}
          {/* who hears which messages: a station for its own site, a regulator for any site or area */}
          {me.role === 'station' || me.role === 'regulator' ? (
            <ActionButton
              className="station-board__settings"
              label="通知联系人"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: CONTACTS_PAGE })}
            />
          ) : null}
          {/* 咨询 (issue 17): questions, counted apart from the complaints and reports on this board */}
          {me.role === 'station' || me.role === 'regulator' ? (
            <ActionButton
              className="station-board__settings"
              label="咨询"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: STATION_CONSULTS_PAGE })}
            />
          ) : null}
          {/* 回访抽查 and 评价复核 (issue 19.1, 19.7): a station's own site */}
          {me.role === 'station' ? (
            <ActionButton
              className="station-board__settings"
              label="回访抽查"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: PAGES.stationCallbacks })}
            />
          ) : null}
          {/* 突发消费事件 (issue 19.5): a station its own site's alerts */}
          {me.role === 'station' ? (
            <ActionButton
              className="station-board__settings"
              label="突发消费事件"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: PAGES.stationBursts })}
            />
          ) : null}
          {/* 统计 (issue 18): a station its own site's figures, a regulator every site's or one */}
          {me.role === 'station' || me.role === 'regulator' ? (
            <ActionButton
              className="station-board__settings"
              label="统计"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: PAGES.stationStats })}
            />
          ) : null}
          <ActionButton className="station-board__logout" label="退出登录" variant="secondary" onPress={() => void signOut()} />
        </View>
      </View>
      <BoardFilters filter={filter} onChange={setFilter} />
      <View className="station-board__section" role="heading" aria-level={2} aria-live="polite">
        {heading}（{pages.items.length}
        {pages.hasMore ? '+' : ''}）· 按到期时间排序
      </View>
      <CaseList
        items={pages.items}
        label={`${heading}列表`}
        emptyText="没有符合条件的投诉"
        showDue
        onOpen={(item) => Taro.navigateTo({ url: withQuery(PAGES.stationCase, { id: item.id }) })}
      />
      {pages.error ? <ErrorBanner message={pages.error} /> : null}
      {pages.hasMore ? (
        <ActionButton
          className="station-board__more"
          label="加载更多"
          variant="secondary"
          busy={pages.busy}
          busyText="正在加载…"
          onPress={() => void pages.loadMore()}
        />
      ) : null}
    </PageShell>
  )
}
