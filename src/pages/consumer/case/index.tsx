import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { CaseDetailView } from '../../../components/case-detail-view'
import { LoadingState } from '../../../components/feedback'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, decodeParam, goHome } from '../../routes'

// One of the person's cases (filed from this device): where it stands and everything that
// happened so far, in the same view a lookup by case number and query code shows.
export default function MyCasePage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.id)
  const load = useCallback(() => call('consumer', 'getMyCase', { caseId }), [caseId])
  const { state, retry } = useRemote(load, { refreshOnShow: true })

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
      <CaseDetailView detail={state.data} />
    </PageShell>
  )
}
