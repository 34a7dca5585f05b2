import { View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { CallHuman } from '../../../components/call-human'
import { CopyValue } from '../../../components/copy-value'
import { InfoBlock } from '../../../components/info-block'
import { PageShell } from '../../../components/page-shell'
import { NEXT_STEP_AFTER_SUBMIT } from '../../../domain/labels'
import { formatShanghaiDateTime } from '../../../domain/time'
import { dropReceipt, readReceipt } from '../../../hooks/receipt-store'
import { PAGES, decodeParam, goHome } from '../../routes'
import './index.scss'

// The receipt. The case number and the query code are what a person reads out on the phone or
// writes down, so they are the largest things on the page, each with a copy button. The query
// code exists only in the submit answer, handed over in storage (receipt-store) and dropped when
// the page is left; a reload keeps it.
const DAY_MS = 24 * 60 * 60 * 1000

export default function SubmittedPage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.caseId)
  const [receipt] = useState(() => readReceipt(caseId))
  const caseNo = receipt?.caseNo ?? decodeParam(params.caseNo)
  useUnload(() => dropReceipt(caseId))

  // the 24-hour answer has a date: say it, so nobody has to work it out. A complaint that went
  // straight to the shop has the shop's promise as its next step; the station still answers in 24 h
  const by = receipt ? formatShanghaiDateTime(new Date(Date.parse(receipt.createdAt) + DAY_MS)) : null
  const direct = !!receipt && receipt.nextStep !== NEXT_STEP_AFTER_SUBMIT

  return (
    <PageShell title="已提交" className="submitted" elderlySwitch>
      <View className="submitted__done" role="status">
        ✓ 已提交{receipt ? `给 ${receipt.merchantName}` : ''}，请保存好下面的编号
      </View>
      <CopyValue label="案件编号" value={caseNo} valueClassName="case-no" />
      {receipt ? (
        <CopyValue
          label="查询码"
          value={receipt.queryCode}
          valueClassName="query-code"
          note="凭案件编号和查询码，可在任何手机或电脑上查询进度。查询码只显示这一次，请抄下或截屏保存。"
        />
      ) : (
        <InfoBlock label="查询码">查询码只在提交后显示一次。本设备仍可在“我的投诉”中查看进度。</InfoBlock>
      )}
      {receipt ? (
        <InfoBlock label="下一步">
          <View className="submitted__next">{receipt.nextStep}</View>
          {by ? <View className="submitted__by">{direct ? `维权站同步跟进，最迟 ${by} 前告知是否受理` : `最迟 ${by} 前告知`}</View> : null}
          <View className="submitted__tip">提交时间 {formatShanghaiDateTime(receipt.createdAt)}</View>
        </InfoBlock>
      ) : null}
      {receipt ? (
        <InfoBlock label="投诉对象">
          <View className="submitted__shop">{receipt.merchantName}</View>
          <View className="submitted__tip">
            {receipt.siteName} · 咨询电话 {receipt.hotline}
          </View>
        </InfoBlock>
      ) : null}
      <View className="submitted__actions">
        <ActionButton label="查看我的投诉" onPress={() => Taro.navigateTo({ url: PAGES.mine })} />
        <ActionButton label="返回首页" variant="secondary" onPress={goHome} />
      </View>
      <CallHuman hotline={receipt?.hotline} siteName={receipt?.siteName} />
    </PageShell>
  )
}
