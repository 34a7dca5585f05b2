import type { z } from 'zod'
import type {
  AskConsultationSchema,
  ConsultListSchema,
  ConsultReceiptSchema,
  ConsultSitesSchema,
  ConsultView,
} from '../../src/domain/consult/consult-consumer-api'
import { linkConvertedCase } from '../../src/domain/consult/consult-life'
import { consultNoCounterName, formatConsultNo, normalizeConsultNo, type Consultation } from '../../src/domain/consult/consultation.schema'
import { fail, ok, type Result } from '../../src/domain/errors'
import { normalizePhone } from '../../src/domain/phone'
import { normalizeQueryCode, queryCodeFromBytes } from '../../src/domain/query-code'
import { DEFAULT_PAGE, type ServiceContext } from './context'
import { consultSummaries, consultView } from './consult-views'
import { ownUnclaimedEvidence } from './evidence-caps'

type AskInput = z.output<typeof AskConsultationSchema>

// The shopper's side of a consultation (咨询): ask (anonymous unless they leave a contact), follow it
// in 我的投诉 or by number and query code, and confirm a conversion into a complaint.

/** The malls and markets a consultation may be about (a person without a shop's code picks one). */
export async function consultSites(ctx: ServiceContext): Promise<Result<z.infer<typeof ConsultSitesSchema>>> {
  const sites = await ctx.deps.store.listSites()
  return ok({ items: sites.map((s) => ({ id: s.id, name: s.name })) })
}

export async function askConsultation(ctx: ServiceContext, input: AskInput): Promise<Result<z.infer<typeof ConsultReceiptSchema>>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  const { store, clock, ids, secrets } = ctx.deps
  const merchant = input.merchantCode ? await store.findMerchantByCode(input.merchantCode) : null
  if (input.merchantCode && !merchant) return fail('MERCHANT_NOT_FOUND')
  const site = await store.getSite(merchant ? merchant.siteId : (input.siteId ?? ''))
  if (!site) return fail('SITE_NOT_FOUND')
  const phone = input.contactPhone ? normalizePhone(input.contactPhone) : ''
  if (phone === null) return fail('VALIDATION_FAILED', { contactPhone: '请填写正确的手机号码，或留空' })
  // the files must be the asker's own; a consultation keeps their ids and claims none
  const files = await ownUnclaimedEvidence(ctx.deps, input.evidenceIds, subject)
  if (!files.ok) return files
  const earlier = await ownByKey(ctx, subject, input.idempotencyKey)
  if (earlier) return ok(await receiptOf(ctx, earlier))
  const now = clock.now().toISOString()
  const consultation: Consultation = {
    id: ids.newId(),
    consultNo: formatConsultNo(now, await store.nextSequence(consultNoCounterName(now))),
    status: 'received',
    siteId: site.id,
    merchantId: merchant?.id ?? null,
    merchantName: merchant?.name ?? null,
    question: input.question,
    contact: input.contactName || phone ? { name: input.contactName, phone } : null,
    evidenceIds: [...new Set(input.evidenceIds)],
    filedBy: subject,
    idempotencyKey: input.idempotencyKey,
    queryCode: queryCodeFromBytes(secrets.randomBytes(32)),
    reply: null,
    closedAt: null,
    caseId: null,
    caseNo: null,
    createdAt: now,
    updatedAt: now,
    version: 0,
  }
  const { consultation: stored } = await store.createConsultation(consultation)
  return ok(await receiptOf(ctx, stored))
}

// a repeated ask (lost answer, double tap) gets the first receipt back without drawing a new number
async function ownByKey(ctx: ServiceContext, subject: string, key: string): Promise<Consultation | null> {
  const mine = await ctx.deps.store.listConsultationsFiledBy(subject, DEFAULT_PAGE)
  return mine.find((c) => c.idempotencyKey === key) ?? null
}

async function receiptOf(ctx: ServiceContext, c: Consultation) {
  const site = await ctx.deps.store.getSite(c.siteId)
  return {
    consultationId: c.id,
    consultNo: c.consultNo,
    queryCode: c.queryCode,
    status: c.status,
    createdAt: c.createdAt,
    siteName: site?.name ?? '',
  }
}

export async function listMyConsultations(ctx: ServiceContext): Promise<Result<z.infer<typeof ConsultListSchema>>> {
  const subject = ctx.caller.subject
  if (!subject) return fail('UNAUTHENTICATED')
  return ok({ items: await consultSummaries(ctx.deps, await ctx.deps.store.listConsultationsFiledBy(subject, DEFAULT_PAGE)) })
}

async function mine(ctx: ServiceContext, id: string): Promise<Consultation | null> {
  const subject = ctx.caller.subject
  const found = subject ? await ctx.deps.store.getConsultation(id) : null
  return found && found.filedBy === subject ? found : null // someone else's is "not found", never "forbidden"
}

export async function getMyConsultation(ctx: ServiceContext, id: string): Promise<Result<ConsultView>> {
  const found = await mine(ctx, id)
  return found ? ok(await consultView(ctx.deps, found, 'full')) : fail('CONSULTATION_NOT_FOUND')
}

/** Any device: number + query code. A wrong number and a wrong code get the same answer. */
export async function lookupConsultation(ctx: ServiceContext, consultNo: string, queryCode: string): Promise<Result<ConsultView>> {
  const { store, secrets } = ctx.deps
  const number = normalizeConsultNo(consultNo)
  const found = number ? await store.findConsultationByNo(number) : null
  const matches = !!found && secrets.hashToken(found.queryCode) === secrets.hashToken(normalizeQueryCode(queryCode))
  if (!found || !matches) return fail('LOOKUP_FAILED')
  return ok(await consultView(ctx.deps, found, 'masked'))
}

/** The person submitted the complaint a conversion asked for: link it both ways (findConsultationOfCase). */
export async function linkConsultationCase(ctx: ServiceContext, id: string, caseId: string): Promise<Result<ConsultView>> {
  const found = await mine(ctx, id)
  if (!found) return fail('CONSULTATION_NOT_FOUND')
  const filed = await ctx.deps.store.getCase(caseId)
  if (!filed || filed.filedBy !== ctx.caller.subject) return fail('CASE_NOT_FOUND')
  const other = await ctx.deps.store.findConsultationOfCase(caseId)
  if (other && other.id !== found.id) return fail('CONSULTATION_ALREADY_LINKED')
  const next = linkConvertedCase(found, filed, ctx.deps.clock.now().toISOString())
  if (!next.ok) return next
  if (next.data === found) return ok(await consultView(ctx.deps, found, 'full'))
  // a stale version throws an AppFailure, which dispatch answers as its error
  return ok(await consultView(ctx.deps, await ctx.deps.store.updateConsultation(next.data, found.version), 'full'))
}
