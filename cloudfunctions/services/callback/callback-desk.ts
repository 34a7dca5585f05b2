import type { z } from 'zod'
import type { CallbackCaseSchema, CallbackItemView, CallbackList, CallbackOutcomeSchema } from '../../../src/domain/callback/callback-api'
import { monthKey, monthOf, previousMonth } from '../../../src/domain/callback/callback-due'
import {
  CALLBACK_GOAL_PERCENT,
  callbackProgress,
  completeCallback,
  recordAttempt,
  wantsReopen,
} from '../../../src/domain/callback/callback-item'
import {
  CALLBACK_STATUS_LABELS,
  type CallbackAnswers,
  type CallbackItem,
  type CallbackSample,
} from '../../../src/domain/callback/callback.schema'
import type { CaseClock } from '../../../src/domain/clocks/case-clock'
import { AppFailure, fail, ok, type Result } from '../../../src/domain/errors'
import type { Site } from '../../../src/domain/site.schema'
import { MAX_REOPENS } from '../../../src/domain/workflow/transitions'
import { logAccess } from '../access-log'
import { actOnCase } from '../case-actions'
import type { ServiceContext } from '../context'

// The station's call-back desk (docs/callbacks.md): the month's sample with its progress, one case to
// call (its complainant's phone: the reading is logged), a try that did not get through, and the four
// answers — written to the case's timeline as its return visit, so "not satisfied" (or a promise not
// kept) opens the reopen path the case page already has. Station staff: their own site; a regulator:
// the site it names (or its own).

type Scope = { siteId?: string; month?: string }
const ATTEMPTS_ON_CONFLICT = 3

export async function siteInScope(ctx: ServiceContext, siteId: string | undefined): Promise<Result<Site>> {
  const staff = ctx.caller.staff
  if (!staff || (staff.role !== 'station' && staff.role !== 'regulator')) return fail('FORBIDDEN')
  const wanted = siteId ?? staff.siteId
  if (!wanted) return fail('VALIDATION_FAILED', { siteId: '请选择站点' })
  if (staff.siteId !== null && staff.siteId !== wanted) return fail('SITE_NOT_FOUND') // another site's: no hint it exists
  const site = await ctx.deps.store.getSite(wanted)
  return site ? ok(site) : fail('SITE_NOT_FOUND')
}

/** The month a list opens on: last month, whose sample is being called back now. */
export const currentSampleMonth = (now: Date) => monthKey(previousMonth(monthOf(now)))

async function staffNames(ctx: ServiceContext): Promise<Map<string, string>> {
  return new Map((await ctx.deps.store.listStaffAccounts()).map((s) => [s.id, s.displayName]))
}

function itemView(i: CallbackItem, names: ReadonlyMap<string, string>): CallbackItemView {
  return {
    caseId: i.caseId,
    caseNo: i.caseNo,
    closedAt: i.closedAt,
    assigneeId: i.assigneeId,
    assigneeName: i.assigneeId ? (names.get(i.assigneeId) ?? i.assigneeId) : null,
    status: i.status,
    statusLabel: CALLBACK_STATUS_LABELS[i.status],
    attempts: i.attempts.map((a) => ({ ...a, by: names.get(a.by) ?? a.by })),
    answers: i.answers,
    doneAt: i.doneAt,
  }
}

const progressOf = (sample: Pick<CallbackSample, 'items'>) => ({ ...callbackProgress(sample), goalPercent: CALLBACK_GOAL_PERCENT })

export async function listCallbacks(ctx: ServiceContext, input: Scope): Promise<Result<CallbackList>> {
  const site = await siteInScope(ctx, input.siteId)
  if (!site.ok) return site
  const month = input.month ?? currentSampleMonth(ctx.deps.clock.now())
  const sample = await ctx.deps.store.getCallbackSample(site.data.id, month)
  const names = await staffNames(ctx)
  return ok({
    siteId: site.data.id,
    siteName: site.data.name,
    month,
    drawn: !!sample,
    dueDate: sample?.dueDate ?? null,
    dueExplanation: sample?.dueExplanation ?? null,
    seed: sample?.seed ?? null,
    populationSize: sample?.population.length ?? 0,
    progress: progressOf(sample ?? { items: [] }),
    items: (sample?.items ?? []).map((i) => itemView(i, names)),
  })
}

async function findItem(ctx: ServiceContext, input: Scope & { caseId: string }) {
  const site = await siteInScope(ctx, input.siteId)
  if (!site.ok) return site
  const month = input.month ?? currentSampleMonth(ctx.deps.clock.now())
  const sample = await ctx.deps.store.getCallbackSample(site.data.id, month)
  const item = sample?.items.find((i) => i.caseId === input.caseId)
  return sample && item ? ok({ sample, item }) : fail<never>('CALLBACK_NOT_FOUND')
}

const staffId = (ctx: ServiceContext) => ctx.caller.staff?.staffId ?? ''

export async function callbackCase(
  ctx: ServiceContext,
  input: Scope & { caseId: string },
): Promise<Result<z.infer<typeof CallbackCaseSchema>>> {
  const found = await findItem(ctx, input)
  if (!found.ok) return found
  const c = await ctx.deps.store.getCase(input.caseId)
  if (!c) return fail('CASE_NOT_FOUND')
  const staff = ctx.caller.staff
  if (staff && c.complainant) await logAccess(ctx.deps, c.id, { role: staff.role, id: staff.staffId }, '回访抽查：查看投诉人联系方式')
  return ok({
    month: found.data.sample.month,
    dueDate: found.data.sample.dueDate,
    item: itemView(found.data.item, await staffNames(ctx)),
    merchantName: c.merchantName,
    complainant: c.complainant ? { name: c.complainant.name, phone: c.complainant.phone } : null,
    callerIsCloser: found.data.item.closerId === staffId(ctx),
  })
}

const stopped = (caseId: string, clocks: readonly CaseClock[], at: string): CaseClock[] =>
  clocks
    .filter((k) => k.caseId === caseId && k.clockId === 'callback_sample' && k.stage !== 'stopped')
    .map((k) => ({ ...k, stage: 'stopped', stoppedAt: at, nextCheckAt: null }))

/** Apply `change` to the item and write the sample at its version, re-reading when someone wrote first. */
async function writeItem(
  ctx: ServiceContext,
  input: Scope & { caseId: string },
  change: (item: CallbackItem) => Result<CallbackItem>,
): Promise<Result<CallbackItem>> {
  for (let attempt = 0; attempt < ATTEMPTS_ON_CONFLICT; attempt++) {
    const found = await findItem(ctx, input)
    if (!found.ok) return found
    const { sample, item } = found.data
    const next = change(item)
    if (!next.ok) return next
    const at = ctx.deps.clock.now().toISOString()
    const clocks = next.data.status === 'pending' ? [] : stopped(item.caseId, await ctx.deps.store.listClocksOfCase(item.caseId), at)
    const items = sample.items.map((i) => (i.caseId === item.caseId ? next.data : i))
    if (await ctx.deps.store.updateCallbackSample({ ...sample, items }, sample.version, clocks)) return ok(next.data)
  }
  return fail('CONCURRENT_UPDATE')
}

type Outcome = z.infer<typeof CallbackOutcomeSchema>

async function outcome(ctx: ServiceContext, item: CallbackItem): Promise<Outcome> {
  const c = await ctx.deps.store.getCase(item.caseId)
  const wants = item.answers ? wantsReopen(item.answers) : false
  const canReopen = wants && !!c && c.status === 'closed' && c.reopenCount < MAX_REOPENS && c.satisfaction === 'unsatisfied'
  return { item: itemView(item, await staffNames(ctx)), wantsReopen: wants, canReopen, caseVersion: c?.version ?? null }
}

export async function callbackAttempt(ctx: ServiceContext, input: Scope & { caseId: string; note: string }): Promise<Result<Outcome>> {
  const at = ctx.deps.clock.now().toISOString()
  const written = await writeItem(ctx, input, (item) => recordAttempt(item, staffId(ctx), at, input.note || '未能联系上'))
  return written.ok ? ok(await outcome(ctx, written.data)) : written
}

/**
 * The four answers: the case's return visit (by someone other than its closer — the workflow refuses the
 * closer), so the timeline has them and "not satisfied" or a broken promise makes the case reopenable, and
 * the sample's item, written in one transaction (the case step carries the item: CaseChange.callbackSample),
 * so a store failing half-way leaves neither. A case no longer closed (reopened since) keeps the answers on
 * the sample only. Someone writing the sample or the case first: read again and retry, a bounded number of times.
 */
export async function callbackComplete(
  ctx: ServiceContext,
  input: Scope & { caseId: string; answers: CallbackAnswers },
): Promise<Result<Outcome>> {
  for (let attempt = 0; attempt < ATTEMPTS_ON_CONFLICT; attempt++) {
    const found = await findItem(ctx, input)
    if (!found.ok) return found
    const { sample, item } = found.data
    if (item.status !== 'pending') return fail('CALLBACK_DONE')
    const role = ctx.caller.staff?.role
    if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
    const at = ctx.deps.clock.now().toISOString()
    const by = staffId(ctx)
    const clocks = stopped(item.caseId, await ctx.deps.store.listClocksOfCase(item.caseId), at)
    const withItem = (done: CallbackItem) => ({ ...sample, items: sample.items.map((i) => (i.caseId === item.caseId ? done : i)) })
    const checked = completeCallback(item, input.answers, by, at, null) // the domain's own rule, before anything is written
    if (!checked.ok) return checked
    const completed = (eventId: string | null): CallbackItem => ({ ...checked.data, eventId })
    const c = await ctx.deps.store.getCase(input.caseId)
    if (c?.status !== 'closed') {
      if (await ctx.deps.store.updateCallbackSample(withItem(checked.data), sample.version, clocks))
        return ok(await outcome(ctx, checked.data))
      continue
    }
    try {
      const visited = await actOnCase(ctx, role, input.caseId, {
        action: 'returnVisit',
        reason: '回访抽查',
        details: { kind: 'return_visit', ...input.answers },
        callback: (eventId) => ({ write: { sample: withItem(completed(eventId)), expectedVersion: sample.version }, clocks }),
      })
      if (!visited.ok) return visited
      return ok(await outcome(ctx, completed(visited.data.eventId ?? null)))
    } catch (err) {
      // the sample (or the case) was written meanwhile: the whole step rolled back; read both again
      if (err instanceof AppFailure && err.error.code === 'CONCURRENT_UPDATE') continue
      throw err
    }
  }
  return fail('CONCURRENT_UPDATE')
}

/** Completion per site of a month: a station its own site, a regulator every site (or its own). */
export async function callbackProgressBySite(ctx: ServiceContext, input: Scope) {
  const staff = ctx.caller.staff
  if (!staff || (staff.role !== 'station' && staff.role !== 'regulator')) return fail('FORBIDDEN')
  const month = input.month ?? currentSampleMonth(ctx.deps.clock.now())
  const scopeSite = staff.siteId ?? input.siteId ?? null
  const samples = (await ctx.deps.store.listCallbackSamples(month)).filter((s) => !scopeSite || s.siteId === scopeSite)
  const sites = new Map((await ctx.deps.store.listSites()).map((s) => [s.id, s.name]))
  return ok({
    month,
    sites: samples.map((s) => ({ siteId: s.siteId, siteName: sites.get(s.siteId) ?? s.siteId, ...progressOf(s) })),
  })
}
