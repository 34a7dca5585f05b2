import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback, useEffect } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseActionPanel } from '../../../components/case-action-panel'
import { CaseDetailView } from '../../../components/case-detail-view'
import { ClockList } from '../../../components/clock-list'
import { LoadingState } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import type { ActionInput } from '../../../domain/api/contract'
import { COMPLETION_KIND_LABELS } from '../../../domain/labels'
import type { CaseAction } from '../../../domain/workflow/transitions'
import { stepFields, type CaseStep } from '../../../hooks/use-case-action'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, decodeParam, withQuery } from '../../routes'
import { canPrint, printPage } from './print'
import { FAST_TRACK_ACTIONS, FastTrackPanel, onSiteWaitText } from './fast-track-panel'
import { REPORT_ACTIONS, ReportRewardDesk } from './report-reward-desk'
import { IndustryEditor } from './industry-editor'
import { CaseTagsPanel } from './case-tags-panel'
import { VerifyRecord } from './verify-record'
import { SimilarCases } from './similar-cases'
import { TransferLetterLink } from './transfer-letter-link'
import './index.scss'

// One case at the station desk: everything about it (the staff see the complainant as the server
// returns it), the case type and the running clocks with the sentence that explains each
// deadline, the timeline, and exactly the steps the server allows this member of staff now: 受理
// (choosing the case type), 要求商家到场, 延期办结 (complex cases, once, with a reason), 回访 (the
// four must-ask questions, by someone other than whoever closed the case), 重新处理 …
type StationAction = ActionInput<'station', 'actOnCase'>['caseAction']

/** Back to the board the person came from (it reloads on show), or a fresh one after a direct link. */
function backToBoard() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: PAGES.stationBoard })
}

export default function StationCasePage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.id)
  const load = useCallback(() => call('station', 'getCase', { caseId }), [caseId])
  const { state, reload, retry } = useRemote(load, { refreshOnShow: true })
  const act = useCallback(
    // the server offers station staff only station steps; the cast narrows the shared action type
    (action: CaseAction, step: CaseStep) =>
      call('station', 'actOnCase', {
        caseId,
        caseAction: action as StationAction,
        ...stepFields(step),
        completionKind: step.completionKind,
      }),
    [caseId],
  )

  const signedOut = state.status === 'failed' && state.error.code === 'UNAUTHENTICATED'
  useEffect(() => {
    if (signedOut) void Taro.redirectTo({ url: withQuery(PAGES.stationLogin, { next: 'board' }) })
  }, [signedOut])

  if (state.status === 'loading' || signedOut) {
    return (
      <PageShell title="案件办理" wide>
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    const missing = state.error.code === 'CASE_NOT_FOUND' || state.error.code === 'VALIDATION_FAILED'
    return (
      <NoticePage
        title={missing ? '未找到该投诉' : '暂时无法查看投诉'}
        message={missing ? '这条投诉不存在，或不属于本站。' : state.error.message}
      >
        {missing ? null : <ActionButton label="重试" onPress={retry} />}
        <ActionButton label="返回工作台" variant="secondary" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
      </NoticePage>
    )
  }

  const detail = state.data
  return (
    <PageShell title="案件办理" wide className="station-case">
      <CaseDetailView detail={detail}>
        <CaseActionPanel
          actions={detail.actions.filter((a) => !FAST_TRACK_ACTIONS.includes(a) && !REPORT_ACTIONS.includes(a))} // these have their own forms
          act={act}
          reload={reload}
          completionKind={detail.completionKind}
        />
        <FastTrackPanel detail={detail} reload={reload} />
        <ReportRewardDesk detail={detail} reload={reload} />
        <InfoBlock label="处理时限" className="station-case__clocks">
          <View className="station-case__kind">案件类型：{COMPLETION_KIND_LABELS[detail.completionKind]}</View>
          {detail.onSitePending ? (
            <View className="station-case__onsite" role="status">
              {onSiteWaitText(detail)}
            </View>
          ) : null}
          <ClockList clocks={detail.clocks} />
        </InfoBlock>
        <IndustryEditor caseId={caseId} industry={detail.industry} onChanged={reload} />
        <CaseTagsPanel caseId={caseId} />
        <SimilarCases caseId={caseId} />
      </CaseDetailView>
      <View className="station-case__tools no-print">
        {canPrint ? <ActionButton label="打印案件摘要" variant="secondary" onPress={printPage} /> : null}
        <TransferLetterLink caseId={caseId} timeline={detail.timeline} />
        <VerifyRecord caseId={caseId} />
        <ActionButton label="返回工作台" variant="quiet" onPress={backToBoard} />
      </View>
    </PageShell>
  )
}
