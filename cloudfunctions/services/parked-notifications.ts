import type { z } from 'zod'
import type { ParkedListSchema } from '../../src/domain/api/contract'
import { fail, ok, type Result } from '../../src/domain/errors'
import type { OutboxItem } from '../ports/notification-store'
import type { ServiceContext } from './context'

type ParkedList = z.infer<typeof ParkedListSchema>

/** A station sees its own site's cases' parked rows; a city-wide regulator sees all. */
async function inScope(ctx: ServiceContext, row: OutboxItem): Promise<{ caseNo: string } | null> {
  const staff = ctx.caller.staff
  const c = await ctx.deps.store.getCase(row.caseId)
  if (!staff || !c) return null
  return staff.siteId === null || staff.siteId === c.siteId ? { caseNo: c.caseNo } : null
}

/** Notifications that failed too often: the station sees them and may send them again. */
export async function listParked(ctx: ServiceContext): Promise<Result<ParkedList>> {
  const rows = await ctx.deps.store.listParkedOutbox(200)
  const items: ParkedList['items'] = []
  for (const row of rows) {
    const scope = await inScope(ctx, row)
    if (scope)
      items.push({
        id: row.id,
        caseId: row.caseId,
        caseNo: scope.caseNo,
        template: row.template,
        recipientRole: row.recipient.role,
        attempts: row.attempts,
        lastError: row.lastError,
      })
  }
  return ok({ items })
}

export async function requeueParked(ctx: ServiceContext, id: string): Promise<Result<{ requeued: boolean }>> {
  const row = (await ctx.deps.store.listParkedOutbox(200)).find((r) => r.id === id)
  if (!row || !(await inScope(ctx, row))) return fail('NOTIFICATION_NOT_FOUND')
  return ok({ requeued: await ctx.deps.store.requeueOutbox(id, ctx.deps.clock.now().toISOString()) })
}
