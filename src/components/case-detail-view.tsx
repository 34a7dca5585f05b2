import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { CASE_KIND_LABELS, DEMAND_LABELS } from '../domain/classification'
import type { CaseDetail } from '../domain/case-view.schema'
import { formatFen } from '../domain/money'
import { formatShanghaiDateTime } from '../domain/time'
import { EvidenceList } from './evidence-list'
import { CaseProgress } from './case-progress'
import { InfoBlock } from './info-block'
import { StatusTag } from './status-tag'
import { Timeline } from './timeline'
import './case-detail-view.scss'

// One case as the person who filed it sees it — on their own phone (我的投诉) or from any browser
// by case number and query code (lookup). Where it stands first, then what was asked, then the
// proof, then everything that happened so far. The complainant is shown exactly as the server
// returned it: in full on the filer's device, masked for a lookup, absent for an anonymous report.
// The same view serves the merchant and the station; `children` (the steps the viewer may take, the
// clocks) come right after the next step and the outcome, before the facts of the case.

/** "2026-11-20" / "2026-11-20T12:30" → "2026年11月20日" / "2026年11月20日 12:30" */
function localTime(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}))?/.exec(value)
  if (!m) return value
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日${m[4] ? ' ' + m[4] : ''}`
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <View className="case-detail-view__row">
      <View className="case-detail-view__key">{label}</View>
      <View className="case-detail-view__value">{value}</View>
    </View>
  )
}

export function CaseDetailView({ detail, children }: { detail: CaseDetail; children?: ReactNode }) {
  const kind = CASE_KIND_LABELS[detail.kind]
  const person = detail.complainant
  return (
    <View className="case-detail-view">
      <InfoBlock label="案件编号" tone="accent">
        <View className="case-detail-view__top">
          <View className="case-no">{detail.caseNo}</View>
          <StatusTag status={detail.status} />
        </View>
        <View className="case-detail-view__date">提交于 {formatShanghaiDateTime(detail.createdAt)}</View>
      </InfoBlock>

      <CaseProgress detail={detail} />
      {children}

      <InfoBlock label={`${kind}对象`}>{detail.merchantName}</InfoBlock>

      <InfoBlock label={`${kind}事项`}>
        <Row label="类型" value={kind} />
        <Row label="问题类型" value={detail.problemType} />
        <Row label="所属行业" value={detail.industry} />
        {detail.demands.length ? <Row label="诉求" value={detail.demands.map((d) => DEMAND_LABELS[d]).join('、')} /> : null}
        {detail.amountFen !== null ? <Row label="金额" value={formatFen(detail.amountFen)} /> : null}
        {detail.product ? <Row label="商品或服务" value={detail.product} /> : null}
        {detail.purchaseTime ? <Row label="消费时间" value={localTime(detail.purchaseTime)} /> : null}
      </InfoBlock>

      <InfoBlock label={detail.kind === 'report' ? '举报人' : '投诉人'}>
        {person ? (
          <>
            <Row label="姓名" value={person.name || '—'} />
            <Row label="手机" value={person.phone || '—'} />
            <Row label="地址" value={person.address || '—'} />
          </>
        ) : (
          <View>匿名举报（举报人信息不提供给商家）</View>
        )}
      </InfoBlock>

      <InfoBlock label={`${kind}内容`}>
        <View className="case-detail-view__description">{detail.description}</View>
      </InfoBlock>

      <InfoBlock label="证据">
        <EvidenceList items={detail.evidence} />
      </InfoBlock>

      <InfoBlock label="处理进度">
        <Timeline entries={detail.timeline} kind={detail.kind} />
      </InfoBlock>
    </View>
  )
}
