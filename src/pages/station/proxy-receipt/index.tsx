import { View } from '@tarojs/components'
import Taro, { useRouter, useUnload } from '@tarojs/taro'
import { useState } from 'react'
import { ActionButton } from '../../../components/action-button'
import { CallHuman } from '../../../components/call-human'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { formatShanghaiDateTime } from '../../../domain/time'
import { dropReceipt, readReceipt } from '../../../hooks/receipt-store'
import { PAGES, decodeParam } from '../../routes'
import { canPrint, printPage } from './print'
import './index.scss'

// The receipt a helper prints for the person they filed for: case number and query code in very
// large type, the shop, the date, the hotline, and how to follow the case from any phone. The
// buttons disappear on paper (print.h5.scss). The receipt comes from the filing answer through
// storage (receipt-store) and is dropped when the page is left — print before leaving.
export default function ProxyReceiptPage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.caseId)
  const [receipt] = useState(() => readReceipt(caseId))
  useUnload(() => dropReceipt(caseId))

  if (!receipt) {
    return (
      <NoticePage title="回执已关闭" message="查询码只在登记后显示一次。案件编号可在工作台的投诉列表中查到。">
        <ActionButton label="返回工作台" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
      </NoticePage>
    )
  }
  return (
    <PageShell title="投诉登记回执" className="proxy-receipt" elderlySwitch>
      <View className="proxy-receipt__pair">
        <View className="proxy-receipt__label">案件编号</View>
        <View className="proxy-receipt__code case-no">{receipt.caseNo}</View>
      </View>
      <View className="proxy-receipt__pair">
        <View className="proxy-receipt__label">查询码</View>
        <View className="proxy-receipt__code query-code">{receipt.queryCode}</View>
      </View>
      <View className="proxy-receipt__lookup">凭案件编号和查询码可在任何手机上查询进度</View>
      <View className="proxy-receipt__rows">
        <View className="proxy-receipt__row">
          <View className="proxy-receipt__key">被投诉商户</View>
          <View className="proxy-receipt__value">
            {receipt.merchantName}（{receipt.siteName}）
          </View>
        </View>
        <View className="proxy-receipt__row">
          <View className="proxy-receipt__key">登记时间</View>
          <View className="proxy-receipt__value">{formatShanghaiDateTime(receipt.createdAt)}</View>
        </View>
        <View className="proxy-receipt__row">
          <View className="proxy-receipt__key">下一步</View>
          <View className="proxy-receipt__value">{receipt.nextStep}</View>
        </View>
        <View className="proxy-receipt__row">
          <View className="proxy-receipt__key">咨询电话</View>
          <View className="proxy-receipt__value">{receipt.hotline}</View>
        </View>
      </View>
      <View className="proxy-receipt__how">
        查询方法：微信扫描商场内“快诉”二维码或打开快诉首页，点“用编号和查询码查进度”，输入上面两组号码。紧急情况请拨打110或12315。
      </View>
      <CallHuman className="no-print" hotline={receipt.hotline} siteName={receipt.siteName} />
      <View className="proxy-receipt__actions no-print">
        {canPrint ? <ActionButton label="打印" text="打印回执" onPress={printPage} /> : null}
        <ActionButton label="继续代为登记" variant="secondary" onPress={() => Taro.redirectTo({ url: PAGES.proxyFile })} />
        <ActionButton label="返回工作台" variant="quiet" onPress={() => Taro.redirectTo({ url: PAGES.stationBoard })} />
      </View>
    </PageShell>
  )
}
