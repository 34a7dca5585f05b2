import { fail, ok, type Result } from '../../src/domain/errors'
import type { Caller } from '../../src/domain/identity'
import { StatsQuerySchema, type StatsQuery } from '../../src/domain/metrics/stats-query.schema'
import type { SavedStatsQuery, StatsStore } from '../ports/stats-store'
import type { Clock, Ids } from '../ports/system'

// 保存的查询: a staff member names a custom query and finds it again on the statistics page. Each list is
// its owner's alone (owner = the staff id); a saved query holds only the question, never figures, and is
// checked against the schema again when read back (the schema may have moved on since it was saved).
export interface SavedQueryView {
  id: string
  name: string
  query: StatsQuery
  savedAt: string
}

interface SavedDeps {
  store: Pick<StatsStore, 'saveStatsQuery' | 'listStatsQueries' | 'deleteStatsQuery'>
  clock: Clock
  ids: Ids
}

const MAX_SAVED = 50
const STAFF_ROLES = ['station', 'regulator', 'admin']

function ownerOf(caller: Caller): Result<string> {
  const staff = caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  return STAFF_ROLES.includes(staff.role) ? ok(staff.staffId) : fail('FORBIDDEN')
}

function viewOf(saved: SavedStatsQuery): SavedQueryView | null {
  const query = StatsQuerySchema.safeParse(saved.spec)
  return query.success ? { id: saved.id, name: saved.name, query: query.data, savedAt: saved.savedAt } : null
}

export async function saveStatsQuery(
  ctx: { caller: Caller; deps: SavedDeps },
  input: { name: string; query: StatsQuery },
): Promise<Result<SavedQueryView>> {
  const owner = ownerOf(ctx.caller)
  if (!owner.ok) return owner
  const { store, clock, ids } = ctx.deps
  const existing = await store.listStatsQueries(owner.data)
  // the same name again replaces that query (what "保存" means to the person), keeping its id
  const same = existing.find((s) => s.name === input.name)
  if (!same && existing.length >= MAX_SAVED) return fail('VALIDATION_FAILED', { name: `最多保存${MAX_SAVED}个查询，请先删除不用的` })
  const saved: SavedStatsQuery = {
    id: same?.id ?? ids.newId(),
    ownerId: owner.data,
    name: input.name,
    spec: { ...input.query },
    savedAt: clock.now().toISOString(),
  }
  await store.saveStatsQuery(saved)
  return ok({ id: saved.id, name: saved.name, query: input.query, savedAt: saved.savedAt })
}

export async function listStatsQueries(ctx: { caller: Caller; deps: SavedDeps }): Promise<Result<{ items: SavedQueryView[] }>> {
  const owner = ownerOf(ctx.caller)
  if (!owner.ok) return owner
  const saved = await ctx.deps.store.listStatsQueries(owner.data)
  return ok({ items: saved.flatMap((s) => viewOf(s) ?? []) })
}

export async function deleteStatsQuery(ctx: { caller: Caller; deps: SavedDeps }, id: string): Promise<Result<{ id: string }>> {
  const owner = ownerOf(ctx.caller)
  if (!owner.ok) return owner
  // another person's query answers as if it did not exist: nobody learns someone else's ids
  return (await ctx.deps.store.deleteStatsQuery(owner.data, id)) ? ok({ id }) : fail('STATS_QUERY_NOT_FOUND')
}
