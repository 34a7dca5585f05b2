import type { z } from 'zod'
import type { SubmitReceiptSchema } from '../../src/domain/api/contract'
import { caseNoCounterName, formatCaseNo } from '../../src/domain/case-number'
import type { Actor, Case, OutboxMessage } from '../../src/domain/case.schema'
import type { NewCase } from '../ports/case-numbering'
import { completionKindOf } from '../../src/domain/clocks/completion-kind'
import { merchantClockSettings } from '../../src/domain/clocks/merchant-clock-settings'
import { clocksAtFiling, goesStraightToMerchant, merchantPromise } from '../../src/domain/workflow/direct-to-merchant'
import { withCaseNumberTold } from '../../src/domain/clocks/case-number-clock'
import { GENESIS_HASH } from '../../src/domain/workflow/event-chain'
import { initialWorkflowState } from '../../src/domain/workflow/state-machine'
import type { SubmitComplaint } from '../../src/domain/complaint.schema'
import { CONSENT_VERSION, type ConsentMode } from '../../src/domain/consent'
import { deriveIndustry } from '../../src/domain/extract/derive-industry'
import { loadExtractModel } from '../../src/domain/extract/model/load'
import { fail, ok, type Result } from '../../src/domain/errors'
import { NEXT_STEP_AFTER_SUBMIT } from '../../src/domain/labels'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { queryCodeFromBytes } from '../../src/domain/query-code'
import type { IntakeDetails } from '../../src/domain/intake-channel'
import { chainedEvent } from './chained-event'
import type { Deps } from './context'
import { checkEvidenceCaps } from './evidence-caps'

export type SubmitReceipt = z.infer<typeof SubmitReceiptSchema>

/** Who files, and how: the shopper on their own phone, or a helper on someone's behalf. */
export interface Filing {
  filedBy: string
  actor: Actor
  channel: Case['channel']
  consentMode: ConsentMode
  attestedBy: string | null
  /** the subject whose uploads the case may claim */
  uploader: string
  /** when the case reached us, if before the filing (a 12345 hand-over, a call): every clock starts here */
  receivedAt?: Date
  /** a desk filing records its channel, 转办单号 and received time on the submitted event (intake-channel.ts) */
  intake?: IntakeDetails
  /** the intake as the desk sent it (not the received instant, which is `now` when left empty): a retry must match it */
  intakeAsSent?: string
}

// The payload that makes two submissions "the same": everything but the key itself, in a fixed order.
const digestOf = (deps: Deps, input: SubmitComplaint & { intake?: string }) => {
  const { idempotencyKey: _key, ...payload } = input
  return deps.secrets.hashToken(JSON.stringify(payload, Object.keys(payload).sort()))
}

/** Built from what the filing already holds: the case as the store wrote it and the site read before. */
function receiptOf(c: Case, site: Site | null, nextStep: string): SubmitReceipt {
  return {
    caseId: c.id,
    caseNo: c.caseNo,
    queryCode: c.queryCode,
    status: c.status,
    createdAt: c.createdAt,
    nextStep,
    merchantName: c.merchantName,
    siteName: site?.name ?? '',
    hotline: site?.hotline ?? '12315',
  }
}

/**
 * The next step as the first filing told it: the shop may have signed (or dropped) the double
 * commitment since, so its current state says nothing about where this case went. Only a scanned
 * complaint can have gone straight to the shop; its "submitted" event says so.
 */
async function firstNextStep(deps: Deps, earlier: Case): Promise<string> {
  if (earlier.kind !== 'complaint' || earlier.channel !== 'qr') return NEXT_STEP_AFTER_SUBMIT
  // untouched since filing and not with the shop: it went to the station (saves a read on the common retry)
  if (earlier.version === 1 && earlier.status !== 'with_merchant') return NEXT_STEP_AFTER_SUBMIT
  const [submitted] = await deps.store.listEvents(earlier.id)
  const details = submitted?.details
  return details?.kind === 'direct_to_merchant' ? merchantPromise(details.responseMinutes) : NEXT_STEP_AFTER_SUBMIT
}

/** A retry of the same draft gets the first receipt; the same key with other content is refused. */
async function replay(deps: Deps, earlier: Case, digest: string, site: Site | null): Promise<Result<SubmitReceipt>> {
  if (earlier.requestDigest !== digest) return fail('IDEMPOTENCY_CONFLICT')
  // the first filing's site (a shop moved since still shows where it was filed)
  const [firstSite, nextStep] = await Promise.all([
    site?.id === earlier.siteId ? site : deps.store.getSite(earlier.siteId),
    firstNextStep(deps, earlier),
  ])
  return ok(receiptOf(earlier, firstSite, nextStep))
}

/**
 * File a complaint or report. The case, its "submitted" event, the notification it causes and the
 * claim on its evidence are written together, or not at all.
 *
 * Round trips (issue 13.1): the shop and its site come from the store's in-process cache; whether
 * the draft was filed before is decided by the insert itself (a unique key on filer and draft key),
 * not a read before it; the receipt is built from what was written. With the cache warm and no
 * files: BEGIN, the day's counter, the filing, COMMIT. A retry: BEGIN, counter, filing (nothing
 * written), ROLLBACK, then the first case is read (tests/functions/submit-round-trips.test.ts).
 */
/** the learned industry classifier (loaded once per instance); the keyword rules alone when it does not load */
const learnedClassifiers = () => loadExtractModel().then((r) => (r.ok ? r.model : undefined))

export async function fileCase(deps: Deps, input: SubmitComplaint, filing: Filing): Promise<Result<SubmitReceipt>> {
  const { store, clock, ids, secrets } = deps
  if (input.consentVersion !== CONSENT_VERSION) return fail('CONSENT_REQUIRED', { consentVersion: '个人信息告知已更新，请重新阅读并同意' })
  // a desk filing's intake as typed is part of what makes two submissions the same (a proxy point's has none)
  const digest = digestOf(deps, filing.intakeAsSent ? { ...input, intake: filing.intakeAsSent } : input)
  const merchant: Merchant | null = await store.findMerchantByCode(input.merchantCode)
  if (!merchant) return fail('MERCHANT_NOT_FOUND', { merchantCode: '未找到该商户' })
  // a scan against a shop that signed the double commitment: the shop has it from this minute (issue 16.2)
  const direct = goesStraightToMerchant(input.kind, filing.channel, merchant)
  const nextStep = direct ? merchantPromise(merchant.responseMinutes) : NEXT_STEP_AFTER_SUBMIT
  const [caps, site] = await Promise.all([checkEvidenceCaps(deps, input.evidenceIds, filing.uploader), store.getSite(merchant.siteId)])
  if (!caps.ok) {
    // a retry of a filing that went in finds its files claimed already: it is answered with its receipt
    const earlier = await store.findCaseByIdempotencyKey(filing.filedBy, input.idempotencyKey)
    return earlier ? replay(deps, earlier, digest, site) : caps
  }

  const now = clock.now()
  const at = now.toISOString()
  const caseId = ids.newId()
  const newCase: NewCase = {
    id: caseId,
    // drawn by the store inside the case's own write: a retry or a failed filing uses up no number
    numbering: { counter: caseNoCounterName(now), format: (sequence) => formatCaseNo(now, sequence) },
    kind: input.kind,
    siteId: merchant.siteId,
    merchantId: merchant.id,
    merchantName: merchant.name,
    description: input.description,
    complainant: input.name || input.phone ? { name: input.name, phone: input.phone, address: input.address } : null,
    purchaseTime: input.purchaseTime,
    amountFen: input.amountFen,
    product: input.product,
    problemType: input.problemType,
    industry: input.industry ?? deriveIndustry(input.description, input.product, merchant.industry, await learnedClassifiers()),
    demands: input.demands,
    sharePhoneWithMerchant: input.sharePhoneWithMerchant,
    consent: { version: input.consentVersion, at, mode: filing.consentMode, attestedBy: filing.attestedBy },
    channel: filing.channel,
    filedBy: filing.filedBy,
    idempotencyKey: input.idempotencyKey,
    requestDigest: digest,
    queryCode: queryCodeFromBytes(secrets.randomBytes(32)),
    createdAt: at,
    updatedAt: at,
    receivedAt: (filing.receivedAt ?? now).toISOString(),
    ...initialWorkflowState(completionKindOf(input.problemType)),
    ...(direct ? { status: 'with_merchant' as const } : {}),
    version: 1,
  }
  const event = chainedEvent(
    deps,
    {
      caseId,
      seq: 1,
      type: 'submitted',
      actor: filing.actor,
      at,
      note: null,
      attachments: [],
      details: direct ? { kind: 'direct_to_merchant', responseMinutes: merchant.responseMinutes } : (filing.intake ?? null),
      prevHash: GENESIS_HASH,
    },
    newCase,
  )
  // A complaint goes to the shop at once (the 45-minute promise) — one straight to the shop as the
  // shop's new case to answer; a report goes to the station only, and the reporter is never shown to the merchant.
  const notify: OutboxMessage =
    input.kind === 'complaint'
      ? {
          id: ids.newId(),
          caseId,
          eventId: event.id,
          recipient: { role: 'merchant', id: merchant.id },
          template: direct ? 'merchant.dispatched' : 'merchant.submitted',
          createdAt: at,
        }
      : {
          id: ids.newId(),
          caseId,
          eventId: event.id,
          recipient: { role: 'station', id: merchant.siteId },
          template: 'station.submitted',
          createdAt: at,
        }
  const filed = clocksAtFiling(
    caseId,
    direct,
    filing.receivedAt ?? now, // a hand-over's clocks run from when 12345 handed it over, not from the typing
    { table: deps.calendar, settings: site?.clockSettings },
    { table: deps.calendar, settings: merchantClockSettings(site?.clockSettings, merchant) }, // the shop's own signed minutes win
  )
  // a receipt on the screen (or printed at the desk) tells the case number at once (case-number-clock.ts)
  const clocks = withCaseNumberTold(caseId, filed, filing.channel, now, { table: deps.calendar, settings: site?.clockSettings })
  const outcome = await store.createCase(newCase, event, [notify], { ids: input.evidenceIds, uploadedBy: filing.uploader }, clocks)
  if (!outcome.created) return replay(deps, outcome.case, digest, site) // filed before, or a race with the same key
  // 标签 are proposed from the text when staff open the case (case-tags.ts), not here: the shopper's
  // receipt waits on no write that only staff read
  // 突发消费事件 are checked after the next tick (bursts/burst-pass.ts), not on the receipt's path
  return ok(receiptOf(outcome.case, site, nextStep))
}
