import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ActionButton } from '../../../components/action-button'
import { AttachmentThumbs } from '../../../components/attachment-thumbs'
import { InfoBlock } from '../../../components/info-block'
import type { ConsultView } from '../../../domain/consult/consult-consumer-api'
import { formatShanghaiDateTime } from '../../../domain/time'
import { PAGES, withQuery } from '../../routes'
import { startConversion } from './conversion'
import './consult.scss'

// One consultation as its asker sees it (from 我的投诉, or by number and query code): the question,
// the station's answer, and after 转为投诉 the button that opens the prefilled complaint — or, once
// filed, the complaint it became. `own`: the asker's own phone (a lookup may not start a conversion).
export function ConsultDetail({ view, own, forStaff }: { view: ConsultView; own: boolean; forStaff?: boolean }) {
  const waitingForComplaint = view.status === 'converted' && !view.caseId
  return (
    <View className="consult-detail">
      <InfoBlock label="咨询编号" tone="accent">
        <View className="consult-detail__no">{view.consultNo}</View>
        <View className="consult-detail__meta">
          类型：咨询 · 状态：{view.statusLabel} · {formatShanghaiDateTime(view.createdAt)}
        </View>
      </InfoBlock>
      <InfoBlock label="咨询对象">{view.merchantName ? `${view.merchantName}（${view.siteName}）` : view.siteName}</InfoBlock>
      <InfoBlock label={forStaff ? '咨询的问题' : '我的问题'}>
        <View className="consult-detail__question">{view.question}</View>
      </InfoBlock>
      <AttachmentThumbs items={view.evidence} label="咨询附件" />
      {view.reply ? (
        <InfoBlock label={view.status === 'converted' ? '维权站建议转为投诉' : '维权站答复'} tone="accent">
          <View className="consult-detail__reply">{view.reply.text}</View>
          <View className="consult-detail__meta">{formatShanghaiDateTime(view.reply.at)}</View>
        </InfoBlock>
      ) : (
        <InfoBlock label="维权站答复">{forStaff ? '尚未答复' : '还没有答复。答复后会显示在这里，请稍后再来查看。'}</InfoBlock>
      )}
      {waitingForComplaint && own ? <ActionButton label="确认转为投诉" onPress={() => startConversion(view)} /> : null}
      {waitingForComplaint && !own ? <InfoBlock label="下一步">请在提交咨询的手机上打开“我的投诉”，确认转为投诉。</InfoBlock> : null}
      {view.caseNo ? (
        <InfoBlock label="已转为投诉">
          <View className="consult-detail__case">投诉编号 {view.caseNo}</View>
          {own && view.caseId ? (
            <ActionButton
              label="查看这件投诉"
              variant="secondary"
              onPress={() => Taro.navigateTo({ url: withQuery(PAGES.consumerCase, { id: view.caseId ?? '' }) })}
            />
          ) : null}
        </InfoBlock>
      ) : null}
    </View>
  )
}
