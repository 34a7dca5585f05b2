import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseActionPanel } from '../../../components/case-action-panel'
import { CaseDetailView } from '../../../components/case-detail-view'
import { LoadingState } from '../../../components/feedback'
import { latestAnswer } from '../../../components/offer-card'
import { NoticePage } from '../../../components/notice-page'
import { CallHuman } from '../../../components/call-human'
import { PageShell } from '../../../components/page-shell'
import type { ActionInput } from '../../../domain/api/contract'
import type { CaseAction } from '../../../domain/workflow/transitions'
import { stepFields, type CaseStep } from '../../../hooks/use-case-action'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, decodeParam, goHome } from '../../routes'

// One of the person's cases (filed from this device): where it stands and everything that
// happened so far, in the same view a lookup by case number and query code shows. First what
// happens next (预计 … 前告知是否受理), the outcome once closed, the merchant's offer (remedy,
// amount, note, photos) while it waits for an answer, then exactly the steps the server allows the
// person now: 接受 / 不接受（申请调解） / 撤回, and after closure 评价 (speed, professionalism,
// attitude, satisfied or not — which the timeline then shows in the server's words).
type ConsumerAction = ActionInput<'consumer', 'actOnMyCase'>['caseAction']

export default function MyCasePage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.id)
  const load = useCallback(() => call('consumer', 'getMyCase', { caseId }), [caseId])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const act = useCallback(
    // the server offers the consumer only the consumer's steps; the cast narrows the shared type
    (action: CaseAction, step: CaseStep) =>
      call('consumer', 'actOnMyCase', { caseId, caseAction: action as ConsumerAction, ...stepFields(step) }),
    [caseId],
  )

  if (state.status === 'loading') {
    return (
      <PageShell title="投诉详情">
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    const missing = state.error.code === 'CASE_NOT_FOUND' || state.error.code === 'VALIDATION_FAILED'
    return missing ? (
      <NoticePage title="未找到该投诉" message="这条投诉不存在，或不是用本设备提交的。可在“我的投诉”中查看本设备提交过的投诉。">
        <ActionButton label="查看我的投诉" onPress={() => Taro.redirectTo({ url: PAGES.mine })} />
        <ActionButton label="返回首页" variant="secondary" onPress={goHome} />
      </NoticePage>
    ) : (
      <NoticePage title="暂时无法查看投诉" message={state.error.message}>
        <ActionButton label="重试" onPress={retry} />
      </NoticePage>
    )
  }

  return (
    <PageShell title="投诉详情" className="case-detail" elderlySwitch>
      <CaseDetailView detail={state.data}>
        <CaseActionPanel
          actions={state.data.actions}
          act={act}
          reload={reload}
          title="您的选择"
          confirmFacts={{ acceptOffer: latestAnswer(state.data)?.detailText ?? undefined }}
        />
      </CaseDetailView>
      <CallHuman />
    </PageShell>
  )
}
