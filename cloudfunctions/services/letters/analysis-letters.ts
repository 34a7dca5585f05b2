import { fail, ok, type Result } from '../../../src/domain/errors'
import { composeLetter, letterSummary, type AnalysisLetter, type LetterSummary } from '../../../src/domain/letters/analysis-letter'
import { letterDocument } from '../../../src/domain/letters/letter-document'
import {
  LetterQuerySchema,
  LetterSummaryQuerySchema,
  MerchantIdInput,
  RecordDeliverySchema,
  type LetterDelivery,
} from '../../../src/domain/letters/letter-delivery.schema'
import type { Merchant } from '../../../src/domain/merchant.schema'
import { quarterDays } from '../../../src/domain/reports/quarterly-report'
import { periodTitle } from '../../../src/domain/reports/report-figures'
import type { ReportDocument } from '../../../src/domain/reports/report-document'
import { formatShanghaiDateTime, shanghaiParts } from '../../../src/domain/time'
import { parseWith } from '../../../src/domain/validation'
import type { ServiceContext } from '../context'
import { statsScope } from '../stats-scope'

// 消费投诉分析建议书 (issue 19.3; docs/analysis-letters.md). The figures come from the statistics cubes
// (ports/stats-store.ts sumCube), never from the case table, and only complaints: the store is asked for
// kind = complaint and the domain drops any other kind again, so a report (举报) can never reach the shop.
//
// Who reads what (deny by default):
// - the whole letter and its PDF: staff who may read the shop's site's statistics (stats-scope.ts: a
//   station its own site, a regulator its site or all, an administrator all); another site's shop answers
//   MERCHANT_NOT_FOUND, so nobody learns it exists;
// - recording a delivery: station staff of the shop's site only;
// - the home-page summary: a clerk, of its own shop only — the shop comes from the caller's memberships.

async function gather(ctx: ServiceContext, merchant: Merchant, quarter: string, periodLabel: string): Promise<Result<AnalysisLetter>> {
  const days = quarterDays(quarter)
  if (!days) return fail('VALIDATION_FAILED', { quarter: '季度格式应为 2026-Q1' })
  const { store } = ctx.deps
  const sites = [merchant.siteId]
  const line = { kind: 'complaint', industry: merchant.industry }
  const [merchantRows, industryRows, shops, site] = await Promise.all([
    store.sumCube({ cube: 'day', ...days, sites, where: { merchant: merchant.id, kind: 'complaint' }, by: ['problemType', 'kind'] }),
    store.sumCube({ cube: 'month_industry', ...days, sites, where: line, by: ['kind'] }),
    store.sumCube({ cube: 'month_merchant', ...days, sites, where: line, by: ['merchant'] }),
    store.getSite(merchant.siteId),
  ])
  return ok(
    composeLetter({
      merchant: { name: merchant.name, code: merchant.code, industry: merchant.industry },
      siteName: site?.name ?? '',
      periodLabel,
      merchantRows,
      industryRows,
      industryMerchants: new Set(shops.filter((r) => r.volume > 0).map((r) => r.merchant)).size,
    }),
  )
}

/** The shop, if the staff caller may read its site's figures; else MERCHANT_NOT_FOUND (or the caller's own refusal). */
async function merchantForStaff(ctx: ServiceContext, merchantId: string): Promise<Result<Merchant>> {
  if (!ctx.caller.staff) return fail(ctx.caller.subject || ctx.caller.memberships.length ? 'FORBIDDEN' : 'UNAUTHENTICATED')
  const merchant = await ctx.deps.store.getMerchant(merchantId)
  if (!merchant) return fail('MERCHANT_NOT_FOUND')
  const scope = await statsScope(ctx.caller, ctx.deps.store, merchant.siteId)
  if (!scope.ok) return scope.error.code === 'SITE_NOT_FOUND' ? fail('MERCHANT_NOT_FOUND') : scope
  return ok(merchant)
}

export async function analysisLetter(ctx: ServiceContext, input: unknown): Promise<Result<AnalysisLetter>> {
  const q = parseWith(LetterQuerySchema, input)
  if (!q.ok) return q
  const merchant = await merchantForStaff(ctx, q.data.merchantId)
  if (!merchant.ok) return merchant
  return gather(ctx, merchant.data, q.data.quarter, periodTitle(q.data.quarter))
}

export async function analysisLetterDocument(ctx: ServiceContext, input: unknown): Promise<Result<ReportDocument>> {
  const letter = await analysisLetter(ctx, input)
  if (!letter.ok) return letter
  return ok(letterDocument(letter.data, formatShanghaiDateTime(ctx.deps.clock.now())))
}

export const LETTER_INBOX_TITLE = '您有一份消费投诉分析建议书'

/** Station staff record how the letter reached the shop; the shop's inbox gets a message with it. */
export async function recordLetterDelivery(ctx: ServiceContext, input: unknown): Promise<Result<LetterDelivery>> {
  const q = parseWith(RecordDeliverySchema, input)
  if (!q.ok) return q
  const staff = ctx.caller.staff
  if (!staff) return fail(ctx.caller.subject || ctx.caller.memberships.length ? 'FORBIDDEN' : 'UNAUTHENTICATED')
  if (staff.role !== 'station' || !staff.siteId) return fail('FORBIDDEN')
  const merchant = await ctx.deps.store.getMerchant(q.data.merchantId)
  if (!merchant || merchant.siteId !== staff.siteId) return fail('MERCHANT_NOT_FOUND')
  const now = ctx.deps.clock.now().toISOString()
  const delivery: LetterDelivery = {
    id: ctx.deps.ids.newId(),
    merchantId: merchant.id,
    siteId: merchant.siteId,
    quarter: q.data.quarter,
    method: q.data.method,
    deliveredBy: staff.staffId,
    deliveredAt: now,
  }
  await ctx.deps.store.recordLetterDelivery(delivery)
  const recipient = { role: 'merchant' as const, id: merchant.id }
  // the delivery's id is the message's key: recording it again can never put a second message in the inbox
  await ctx.deps.store.deliverToInbox(
    { eventId: delivery.id, recipient, channel: 'inbox', address: '' },
    {
      id: ctx.deps.ids.newId(),
      recipient,
      caseId: '',
      template: 'analysis_letter',
      title: LETTER_INBOX_TITLE,
      body: `${periodTitle(q.data.quarter)}的消费投诉分析建议书已通过「${q.data.method}」送达，请查阅并落实改进建议。`,
      createdAt: now,
      readAt: null,
    },
    delivery.id,
  )
  return ok(delivery)
}

export async function listLetterDeliveries(ctx: ServiceContext, input: unknown): Promise<Result<LetterDelivery[]>> {
  const q = parseWith(MerchantIdInput, input)
  if (!q.ok) return q
  const merchant = await merchantForStaff(ctx, q.data.merchantId)
  if (!merchant.ok) return merchant
  return ok(await ctx.deps.store.listLetterDeliveries(merchant.data.id))
}

/** The quarter an instant falls in, in Beijing: "2026-Q2". */
export function quarterOf(instant: Date): string {
  const p = shanghaiParts(instant)
  return `${p.year}-Q${Math.ceil(p.month / 3)}`
}

/** 本季度投诉分析 on the shop's home page: its own shop only, this quarter so far. */
export async function merchantLetterSummary(ctx: ServiceContext, input: unknown): Promise<Result<LetterSummary>> {
  const q = parseWith(LetterSummaryQuerySchema, input)
  if (!q.ok) return q
  const wanted = q.data.merchantId
  const membership = wanted ? ctx.caller.memberships.find((m) => m.merchantId === wanted) : ctx.caller.memberships[0]
  if (!membership) return ctx.caller.memberships.length ? fail('MERCHANT_NOT_FOUND') : fail('FORBIDDEN')
  const merchant = await ctx.deps.store.getMerchant(membership.merchantId)
  if (!merchant) return fail('MERCHANT_NOT_FOUND')
  const quarter = quarterOf(ctx.deps.clock.now())
  const letter = await gather(ctx, merchant, quarter, `${periodTitle(quarter)}（截至目前）`)
  return letter.ok ? ok(letterSummary(letter.data)) : letter
}
