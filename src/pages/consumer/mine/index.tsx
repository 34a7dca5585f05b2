import Taro from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { CaseList } from '../../../components/case-list'
import { RemoteStatus } from '../../../components/remote-status'
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
      <RemoteStatus state={state} onRetry={retry} />
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
