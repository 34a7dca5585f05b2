import type { Case, OutboxMessage } from '../../../src/domain/case.schema'
import { fail, ok, type Result } from '../../../src/domain/errors'
import { STATUS_LABELS } from '../../../src/domain/labels'
import { burstKey } from '../../../src/domain/notify/template-keys'
import type { BurstAlert } from '../../../src/domain/similarity/burst-alert.schema'
import type { BurstAlertView } from '../../../src/domain/similarity/burst-api'
import { actOnCase } from '../case-actions'
import { siteInScope } from '../callback/callback-desk'
import type { ServiceContext } from '../context'

// The station's 突发消费事件 desk (docs/bursts-and-similar-cases.md): the site's alerts with their
// cases, and the two group actions. Station staff act on their own site's alerts, a regulator on any;
// another site's alert answers BURST_NOT_FOUND, as one that never existed.

const LIST_LIMIT = 50

const staffRole = (ctx: ServiceContext) => {
  const role = ctx.caller.staff?.role
  return role === 'station' || role === 'regulator' ? role : null
}

async function alertInScope(ctx: ServiceContext, alertId: string): Promise<Result<BurstAlert>> {
  const staff = ctx.caller.staff
  if (!staff || !staffRole(ctx)) return fail('FORBIDDEN')
  const alert = await ctx.deps.store.getBurstAlert(alertId)
  if (!alert || (staff.siteId !== null && staff.siteId !== alert.siteId)) return fail('BURST_NOT_FOUND')
  return ok(alert)
}

const casesOf = async (ctx: ServiceContext, alert: BurstAlert): Promise<Case[]> =>
  (await Promise.all(alert.caseIds.map((id) => ctx.deps.store.getCase(id)))).filter((c): c is Case => c !== null)

/** Who the group message reaches: each complainant once, however many of the group's complaints are theirs. */
const complainantsOf = (cases: readonly Case[]) => {
  const first = new Map<string, Case>()
  for (const c of cases) if (c.kind === 'complaint' && !first.has(c.filedBy)) first.set(c.filedBy, c)
  return [...first.values()]
}

function view(alert: BurstAlert, cases: readonly Case[]): BurstAlertView {
  return {
    id: alert.id,
    siteId: alert.siteId,
    basis: alert.basis,
    subject: alert.subject,
    windowStart: alert.windowStart,
    windowEnd: alert.windowEnd,
    raisedAt: alert.raisedAt,
    // the case's number, state, problem type and product only: no complainant, no description
    cases: cases.map((c) => ({
      caseId: c.id,
      caseNo: c.caseNo,
      kind: c.kind,
      status: c.status,
      statusLabel: STATUS_LABELS[c.status],
      problemType: c.problemType,
      product: c.product,
      createdAt: c.createdAt,
    })),
    complainants: complainantsOf(cases).length,
    messaged: alert.messaged,
    mediated: alert.mediated,
  }
}

export async function listBursts(ctx: ServiceContext, input: { siteId?: string }): Promise<Result<{ alerts: BurstAlertView[] }>> {
  const site = await siteInScope(ctx, input.siteId)
  if (!site.ok) return site
  const alerts = await ctx.deps.store.listBurstAlerts(site.data.id, LIST_LIMIT)
  return ok({ alerts: await Promise.all(alerts.map(async (a) => view(a, await casesOf(ctx, a)))) })
}

/**
 * One message to every complainant of the group, through the outbox (one row each, fixed words:
 * burst.consumer.group_message). Recorded on the alert with its rows in one write, so a second
 * click sends nothing (BURST_ALREADY_MESSAGED). Never to a shop.
 */
export async function messageBurst(
  ctx: ServiceContext,
  input: { alertId: string },
): Promise<Result<{ alertId: string; messaged: number }>> {
  const found = await alertInScope(ctx, input.alertId)
  if (!found.ok) return found
  const alert = found.data
  if (alert.messaged) return fail('BURST_ALREADY_MESSAGED')
  const { deps } = ctx
  const at = deps.clock.now().toISOString()
  const outbox: OutboxMessage[] = []
  for (const c of complainantsOf(await casesOf(ctx, alert))) {
    const events = await deps.store.listEvents(c.id)
    outbox.push({
      id: deps.ids.newId(),
      caseId: c.id,
      eventId: events[events.length - 1].id, // the queue needs an event of the case; delivery-event.ts keys the row apart
      recipient: { role: 'consumer', id: c.filedBy },
      template: burstKey('consumer', 'group_message'),
      createdAt: at,
    })
  }
  const by = ctx.caller.staff?.staffId ?? 'unknown'
  if (!(await deps.store.recordBurstMessage(alert.id, { at, by }, outbox))) return fail('BURST_ALREADY_MESSAGED')
  return ok({ alertId: alert.id, messaged: outbox.length })
}

/**
 * 合并调解, one mediation session for the group: the station steps in to mediate each case still with
 * its shop — the existing `escalate` step (event 站内调解), with the same reason, each through
 * actOnCase so every rule of the case holds (state, reach, clocks, notifications). A case already in
 * mediation counts as done; any other answers its own code. The first session is recorded on the alert.
 */
export async function mediateBurst(ctx: ServiceContext, input: { alertId: string; reason: string }) {
  const found = await alertInScope(ctx, input.alertId)
  if (!found.ok) return found
  const role = staffRole(ctx)
  if (!role) return fail('FORBIDDEN')
  const alert = found.data
  const results = []
  for (const c of await casesOf(ctx, alert)) {
    if (c.status === 'mediating') {
      results.push({ caseId: c.id, caseNo: c.caseNo, ok: true, code: null })
      continue
    }
    const r = await actOnCase(ctx, role, c.id, { action: 'escalate', reason: `合并调解：${input.reason}` })
    results.push({ caseId: c.id, caseNo: c.caseNo, ok: r.ok, code: r.ok ? null : r.error.code })
  }
  await ctx.deps.store.recordBurstMediation(alert.id, {
    at: ctx.deps.clock.now().toISOString(),
    by: ctx.caller.staff?.staffId ?? 'unknown',
  })
  return ok({ alertId: alert.id, results })
}
