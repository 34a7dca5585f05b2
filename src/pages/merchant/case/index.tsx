import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseActionPanel } from '../../../components/case-action-panel'
import { CallComplainant } from '../../../components/call-complainant'
import { CaseDetailView } from '../../../components/case-detail-view'
import { ClockList } from '../../../components/clock-list'
import { LoadingState } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import type { ActionInput } from '../../../domain/api/contract'
import type { CaseAction } from '../../../domain/workflow/transitions'
import { stepFields, type CaseStep } from '../../../hooks/use-case-action'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, decodeParam } from '../../routes'

// One complaint about this shop, as the clerk sees it: the complainant exactly as the server sends
// it (masked unless the consumer agreed to share), the clock the shop is on (45 minutes to answer),
// the timeline, and the shop's steps: 商家答复 — an offer (remedy, amount, note, up to 4 photos) or
// a refusal with its reason, which the consumer decides on — and 已到场.
type MerchantAction = ActionInput<'merchant', 'actOnCase'>['caseAction']

export default function MerchantCasePage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.id)
  const load = useCallback(() => call('merchant', 'getCase', { caseId }), [caseId])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const act = useCallback(
    // the server offers a clerk only the shop's steps; the cast narrows the shared action type
    (action: CaseAction, step: CaseStep) =>
      call('merchant', 'actOnCase', { caseId, caseAction: action as MerchantAction, ...stepFields(step) }),
    [caseId],
  )
  const toHome = () => Taro.redirectTo({ url: PAGES.merchantHome })

  if (state.status === 'loading') {
    return (
      <PageShell title="投诉处理">
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    const code = state.error.code
    if (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') {
      return <NoticePage title="尚未绑定商户" message="此设备尚未绑定商户，请联系商场维权站。" />
    }
    const missing = code === 'CASE_NOT_FOUND' || code === 'VALIDATION_FAILED'
    return (
      <NoticePage
        title={missing ? '未找到该投诉' : '暂时无法查看投诉'}
        message={missing ? '这条投诉不存在，或不是针对本店的。' : state.error.message}
      >
        {missing ? null : <ActionButton label="重试" onPress={retry} />}
        <ActionButton label="返回商户工作台" variant="secondary" onPress={toHome} />
      </NoticePage>
    )
  }

  const detail = state.data
  return (
    <PageShell title="投诉处理" className="merchant-case" elderlySwitch>
      <CaseDetailView detail={detail}>
        <CaseActionPanel actions={detail.actions} act={act} reload={reload} title="本店处理" />
        <CallComplainant complainant={detail.complainant} />
        {detail.clocks.length ? (
          <InfoBlock label="处理时限">
            <ClockList clocks={detail.clocks} />
          </InfoBlock>
        ) : null}
      </CaseDetailView>
      <ActionButton label="返回商户工作台" variant="quiet" onPress={toHome} />
    </PageShell>
  )
}
