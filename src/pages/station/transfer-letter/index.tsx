import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useCallback } from 'react'
import { call } from '../../../api'
import { ActionButton } from '../../../components/action-button'
import { LoadingState } from '../../../components/feedback'
import { NoticePage } from '../../../components/notice-page'
import { PageShell } from '../../../components/page-shell'
import { useRemote } from '../../../hooks/use-remote'
import { PAGES, decodeParam, withQuery } from '../../routes'
import { canPrint, printPage } from './print'
import './index.scss'

// 案件移送函: the letter that goes with a case handed to another department, the police or a bureau
// elsewhere (docs/domain.md "Transfers"). Printed from the desk browser like the proxy receipt; the
// receiving unit signs the slip at the bottom, and the station records the receipt on the case page,
// which stops the hand-over clock. Opening it is a staff access to the complainant's data, on record.
const ROWS = [
  ['案件编号', 'caseNo'],
  ['接收投诉时间', 'receivedAt'],
  ['被投诉经营者', 'merchantName'],
  ['投诉人', 'complainantName'],
  ['联系电话', 'complainantPhone'],
  ['投诉内容', 'description'],
  ['移送原因', 'reason'],
] as const

export default function TransferLetterPage() {
  const { params } = useRouter()
  const caseId = decodeParam(params.caseId)
  const load = useCallback(() => call('station', 'transferLetter', { caseId }), [caseId])
  const { state, retry } = useRemote(load)
  const backToCase = () => Taro.redirectTo({ url: withQuery(PAGES.stationCase, { id: caseId }) })

  if (state.status === 'loading') {
    return (
      <PageShell title="案件移送函">
        <LoadingState />
      </PageShell>
    )
  }
  if (state.status === 'failed') {
    const gone = ['CASE_NOT_FOUND', 'ILLEGAL_TRANSITION', 'VALIDATION_FAILED'].includes(state.error.code)
    return (
      <NoticePage title="无法打印移送函" message={gone ? '这条投诉没有待移送的单位，或不属于本站。' : state.error.message}>
        {gone ? null : <ActionButton label="重试" onPress={retry} />}
        <ActionButton label="返回案件" variant="secondary" onPress={backToCase} />
      </NoticePage>
    )
  }
  const letter = state.data
  return (
    <PageShell title="案件移送函" className="transfer-letter" wide>
      <View className="transfer-letter__sheet">
        <View className="transfer-letter__to">{letter.toName}：</View>
        <View className="transfer-letter__para">
          我单位于{letter.decidedAt}决定，将下列投诉案件移送贵单位依法处理（{letter.destinationLabel}
          ）。请贵单位收到后在下方回执签章并退回，以便我单位告知投诉人。
        </View>
        {ROWS.map(([label, key]) => (
          <View className="transfer-letter__row" key={key}>
            <View className="transfer-letter__key">{label}</View>
            <View className="transfer-letter__value">{letter[key] || '—'}</View>
          </View>
        ))}
        <View className="transfer-letter__sign">
          {letter.fromSiteName}
          <View>联系电话：{letter.fromHotline}</View>
          <View>{letter.decidedAt}</View>
        </View>
        <View className="transfer-letter__receipt">
          <View className="transfer-letter__to">移送回执</View>
          <View className="transfer-letter__para">
            {letter.fromSiteName}移送的案件（编号 {letter.caseNo}）已于____年____月____日收到。
          </View>
          <View className="transfer-letter__sign">接收单位（盖章）：________________ 经办人：__________</View>
        </View>
      </View>
      <View className="transfer-letter__actions no-print">
        {canPrint ? <ActionButton label="打印移送函" onPress={printPage} /> : null}
        <ActionButton label="返回案件" variant="secondary" onPress={backToCase} />
      </View>
    </PageShell>
  )
}
