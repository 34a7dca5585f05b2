import type { z } from 'zod'
import type { Case } from '../../../src/domain/case.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import {
  reporterRewardView,
  rewardOpen,
  type ApplyRewardInputSchema,
  type ReporterRewardView,
} from '../../../src/domain/report-reward/report-reward-reporter'
import {
  stationRewardView,
  type RewardDecisionInput,
  type StationRewardView,
} from '../../../src/domain/report-reward/report-reward-station'
import { logAccess } from '../access-log'
import { actOnCase, canSee, type ActionOutcome } from '../case-actions'
import type { ServiceContext } from '../context'
import { caseByLookup } from '../consumer-cases'

// 举报奖励 (docs/domain.md "Report rewards"; rules in src/domain/report-reward/). The reporter reaches
// the reward through the case number and query code — the lookup's pair — so an anonymous report
// works from any device. Only the station of the case's site (or a regulator) reads the contact and
// decides. No merchant action reads any of it, and nothing about it is sent to the shop.

type Lookup = { caseNo: string; queryCode: string }

/** The case behind the lookup pair; the same answer for a wrong number or code. */
const lookedUp = (ctx: ServiceContext, lookup: Lookup) => caseByLookup(ctx, lookup.caseNo, lookup.queryCode)

export async function applyForReward(
  ctx: ServiceContext,
  input: z.output<typeof ApplyRewardInputSchema>,
): Promise<Result<ReporterRewardView>> {
  const found = await lookedUp(ctx, input.lookup)
  if (!found) return fail('LOOKUP_FAILED')
  if (!rewardOpen(found)) return fail('REWARD_NOT_AVAILABLE')
  const created = await ctx.deps.store.createRewardApplication({
    caseId: found.id,
    siteId: found.siteId,
    appliedAt: ctx.deps.clock.now().toISOString(),
    contact: input.contact,
    note: input.note,
    status: 'applied',
    amountFen: null,
    decisionReason: null,
    decidedBy: null,
    decidedAt: null,
  })
  if (!created) return fail('REWARD_ALREADY_APPLIED')
  return ok(reporterRewardView(found, await ctx.deps.store.getRewardApplication(found.id)))
}

export async function rewardStatus(ctx: ServiceContext, lookup: Lookup): Promise<Result<ReporterRewardView>> {
  const found = await lookedUp(ctx, lookup)
  if (!found || found.kind !== 'report') return fail('LOOKUP_FAILED') // a complaint has no reward to look at
  return ok(reporterRewardView(found, await ctx.deps.store.getRewardApplication(found.id)))
}

/** A case the calling station (of its site) or regulator may handle; null otherwise. */
async function staffCase(ctx: ServiceContext, caseId: string): Promise<{ c: Case; as: 'station' | 'regulator' } | null> {
  const role = ctx.caller.staff?.role
  if (role !== 'station' && role !== 'regulator') return null
  const found = await ctx.deps.store.getCase(caseId)
  return found && canSee(ctx.caller, found, role) ? { c: found, as: role } : null
}

export async function stationReward(ctx: ServiceContext, caseId: string): Promise<Result<StationRewardView>> {
  const seen = await staffCase(ctx, caseId)
  if (!seen || seen.c.kind !== 'report') return fail('CASE_NOT_FOUND')
  const app = await ctx.deps.store.getRewardApplication(seen.c.id)
  if (app) await logAccess(ctx.deps, seen.c.id, { role: seen.as, id: ctx.caller.staff?.staffId ?? '' }, 'station.getReportReward')
  return ok(stationRewardView(seen.c, app))
}

export async function decideReward(ctx: ServiceContext, input: RewardDecisionInput): Promise<Result<StationRewardView>> {
  const seen = await staffCase(ctx, input.caseId)
  if (!seen || seen.c.kind !== 'report') return fail('CASE_NOT_FOUND')
  if (!rewardOpen(seen.c)) return fail('REWARD_NOT_AVAILABLE')
  const decided = await ctx.deps.store.decideRewardApplication(seen.c.id, {
    status: input.decision,
    amountFen: input.decision === 'granted' ? input.amountFen : null,
    reason: input.reason,
    decidedBy: ctx.caller.staff?.staffId ?? '',
    decidedAt: ctx.deps.clock.now().toISOString(),
  })
  if (!decided) return fail((await ctx.deps.store.getRewardApplication(seen.c.id)) ? 'REWARD_ALREADY_DECIDED' : 'REWARD_NOT_FOUND')
  return ok(stationRewardView(seen.c, decided))
}

/** 举报办结: the station closes a report with what its check found (violation found opens the reward). */
export async function concludeReport(
  ctx: ServiceContext,
  input: { caseId: string; violationFound: boolean; note: string },
): Promise<Result<ActionOutcome>> {
  const role = ctx.caller.staff?.role
  if (role !== 'station' && role !== 'regulator') return fail('FORBIDDEN')
  return actOnCase(ctx, role, input.caseId, {
    action: 'concludeReport',
    reason: input.note,
    written: { kind: 'report_finding', violationFound: input.violationFound, note: input.note },
  })
}
