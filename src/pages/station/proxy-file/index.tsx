import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { ComplaintForm } from '../../../components/complaint-form'
import { LoadingState } from '../../../components/feedback'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { ShopBlock } from '../../../components/shop-block'
import { ShopSearch } from '../../../components/shop-search'
import type { ActionOutput } from '../../../domain/api/contract'
import { ROLE_LABELS } from '../../../domain/labels'
import { keepReceipt, type Receipt } from '../../../hooks/receipt-store'
import { useComplaintDraft } from '../../../hooks/use-complaint-draft'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, withQuery } from '../../routes'
import { IntakeFields, intakeInput, NEW_INTAKE, type DeskIntake } from './intake-fields'
import { RecentFilings } from './recent-filings'
import './index.scss'

// 代帮办: a helper at a community service centre or a mall's desk files for someone who cannot use
// a smartphone. The same form as on a shopper's phone, the shop found by name, and instead of the
// person ticking the notice the helper attests reading it aloud and getting consent. Then a large
// printed receipt to take home (proxy-receipt). Below the form, the helper's own recent filings:
// this is a proxy account's home after login.
type Me = ActionOutput<'station', 'me'>
const FILERS = new Set<Me['role']>(['proxy', 'station'])

function ProxyFiling({ me }: { me: Me }) {
  const api = useComplaintDraft('proxy')
  const chosen = api.draft.shop
  // station staff also take 12345 hand-overs, calls and visitors (intake-fields.tsx); a proxy point files as itself
  const desk = me.role === 'station'
  const [intake, setIntake] = useState<DeskIntake>(NEW_INTAKE)

  const submitted = (receipt: Receipt) => {
    keepReceipt(receipt) // the query code goes to the printable receipt through storage, not the URL
    void Taro.redirectTo({ url: withQuery(PAGES.proxyReceipt, { caseId: receipt.caseId }) })
  }

  return (
    <PageShell title="代为登记投诉" className="proxy-file" elderlySwitch>
      <View className="proxy-file__who">
        登记人：{me.displayName}（{ROLE_LABELS[me.role]}）{me.siteName ? ` · ${me.siteName}` : ''}
      </View>
      <ComplaintForm
        mode="proxy"
        draft={api}
        intake={desk ? intakeInput(intake) : undefined}
        renderIntake={desk ? (errors) => <IntakeFields value={intake} onChange={setIntake} errors={errors} /> : undefined}
        onSubmitted={submitted}
        renderShop={(error) =>
          chosen ? (
            <ShopBlock label="被投诉商户" entry={chosen} error={error} onChange={() => api.setShop(null)} />
          ) : (
            <ShopSearch title="选择被投诉的商户" onSelect={api.setShop} error={error ? '请先选择被投诉的商户' : undefined} />
          )
        }
      />
      <RecentFilings canOpen={me.role === 'station'} />
    </PageShell>
  )
}

export default function ProxyFilePage() {
  const load = useCallback(() => call('station', 'me', {}), [])
  const { state, retry } = useRemote(load)
  const signedOut = state.status === 'failed' && state.error.code === 'UNAUTHENTICATED'
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'proxy-file', reason: 'expired' }) })
  }, [signedOut])

  if (state.status === 'loading' || signedOut) {
    return (
      <PageShell title="代为登记投诉">
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    return (
      <NoticePage title="暂时无法代为登记" message={state.error.message}>
        <ActionButton label="重试" onPress={retry} />
      </NoticePage>
    )
  }
  if (!FILERS.has(state.data.role)) {
    return <NoticePage title="无法代为登记" message="代为登记由代帮办员或维权站工作人员办理，请使用相应账号登录。" />
  }
  return <ProxyFiling me={state.data} />
}
