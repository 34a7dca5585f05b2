import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { LoadingState } from '../../../components/feedback'
import { InfoBlock } from '../../../components/info-block'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { StatusTag } from '../../../components/status-tag'
import { Timeline } from '../../../components/timeline'
import { formatShanghaiDateTime } from '../../../domain/time'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, decodeParam, goHome } from '../../routes'
import './index.scss'

// One of the person's cases: where it stands and everything that happened to it so far.
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

  const detail = state.data
  return (
    <PageShell title="投诉详情" className="case-detail">
      <InfoBlock label="案件编号" tone="accent">
        <View className="case-detail__top">
          <View className="case-no">{detail.caseNo}</View>
          <StatusTag status={detail.status} />
        </View>
        <View className="case-detail__date">提交于 {formatShanghaiDateTime(detail.createdAt)}</View>
      </InfoBlock>
      <InfoBlock label="投诉对象">{detail.merchantName}</InfoBlock>
      <InfoBlock label="投诉内容">
        <View className="case-detail__description">{detail.description}</View>
      </InfoBlock>
      <InfoBlock label="处理进度">
        <Timeline entries={detail.timeline} />
      </InfoBlock>
    </PageShell>
  )
}
