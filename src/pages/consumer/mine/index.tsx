import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseList } from '../../../components/case-list'
import { ErrorBanner, LoadingState } from '../../../components/feedback'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'

// The person's own cases (the server knows them by WeChat OPENID or the device cookie).
// Reloaded every time the page is shown, so a status change is seen on coming back.
export default function MyCasesPage() {
  const load = useCallback(() => call('consumer', 'listMyCases', {}), [])
  const { state, retry } = useRemote(load, { refreshOnShow: true })

  return (
    <PageShell title="我的投诉">
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'failed' ? (
        <>
          <ErrorBanner message={state.error.message} />
          <ActionButton label="重试" onPress={retry} />
        </>
      ) : null}
      {state.status === 'ready' ? (
        <CaseList
          items={state.data.items}
          label="我的投诉列表"
          emptyText="还没有投诉记录"
          onOpen={(item) => Taro.navigateTo({ url: withQuery(PAGES.consumerCase, { id: item.id }) })}
        />
      ) : null}
    </PageShell>
  )
}
