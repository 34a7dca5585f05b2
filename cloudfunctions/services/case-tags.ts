import { fail, ok, type Result } from '../../src/domain/errors'
import type { Case } from '../../src/domain/case.schema'
import type { CaseTags, Tag } from '../../src/domain/tags/tag.schema'
import type { CaseTagsView, TagView } from '../../src/domain/tags/tags-api'
import { proposeTags } from '../../src/domain/tags/propose-tags'
import type { ActorRole } from '../../src/domain/workflow/transitions'
import { canSee } from './case-actions'
import type { ServiceContext } from './context'

// 标签 on a case (docs/tags.md): proposed from the text when staff open the case, read and confirmed by
// staff who can see the case (a station its own site's, a regulator its reach; anyone else is told
// the case does not exist), kept as a record of its own keyed by the case id.

const view = (t: Tag): TagView => ({ id: t.id, name: t.name, phrases: t.phrases, active: t.active, position: t.position })

type StaffRole = Extract<ActorRole, 'station' | 'regulator'>

async function visibleCase(ctx: ServiceContext, as: StaffRole, caseId: string): Promise<Result<Case>> {
  const found = await ctx.deps.store.getCase(caseId)
  if (!found || !canSee(ctx.caller, found, as)) return fail('CASE_NOT_FOUND') // never "forbidden": no hint it exists
  return ok(found)
}

/** A stored proposal (an import may keep one); otherwise worked out now from the text, with the tags as they are today. */
const proposalOf = (c: Case, record: CaseTags | null, tags: readonly Tag[]) =>
  record?.proposed ?? proposeTags(`${c.product}\n${c.description}`, tags)

async function toView(ctx: ServiceContext, c: Case, record: CaseTags | null, tags: readonly Tag[]): Promise<CaseTagsView> {
  const proposed = proposalOf(c, record, tags)
  const onCase = new Set([...proposed, ...(record?.confirmed ?? [])])
  const by = record?.confirmedBy ? await ctx.deps.store.getStaff(record.confirmedBy) : null
  return {
    caseId: c.id,
    tags: tags.filter((t) => t.active || onCase.has(t.id)).map(view),
    proposed,
    confirmed: record?.confirmed ?? null,
    confirmedBy: record?.confirmedBy ? (by?.displayName ?? record.confirmedBy) : null,
    confirmedAt: record?.confirmedAt ?? null,
  }
}

/** station.caseTags: the case's proposal and confirmed set, with the tags to choose from. */
export async function getCaseTags(ctx: ServiceContext, as: StaffRole, caseId: string): Promise<Result<CaseTagsView>> {
  const found = await visibleCase(ctx, as, caseId)
  if (!found.ok) return found
  const [record, tags] = await Promise.all([ctx.deps.store.getCaseTags(caseId), ctx.deps.store.listTags()])
  return ok(await toView(ctx, found.data, record, tags))
}

/**
 * station.confirmTags: staff confirm the proposal or choose other tags (none is a choice too). Every
 * id must be an active tag, or one the case already carries (a tag disabled since may stay).
 * Confirming again replaces the set and the who/when.
 */
export async function confirmCaseTags(
  ctx: ServiceContext,
  as: StaffRole,
  caseId: string,
  tagIds: readonly string[],
): Promise<Result<CaseTagsView>> {
  const found = await visibleCase(ctx, as, caseId)
  if (!found.ok) return found
  const staffId = ctx.caller.staff?.staffId
  if (!staffId) return fail('UNAUTHENTICATED')
  const { store, clock } = ctx.deps
  const [record, tags] = await Promise.all([store.getCaseTags(caseId), store.listTags()])
  const carried = new Set(record?.confirmed ?? [])
  const byId = new Map(tags.map((t) => [t.id, t]))
  if (tagIds.some((id) => !byId.get(id) || (!byId.get(id)?.active && !carried.has(id))))
    return fail('VALIDATION_FAILED', { tagIds: '有标签不存在或已停用，请刷新后重选' })
  const ordered = tags.filter((t) => tagIds.includes(t.id)).map((t) => t.id) // the tags' own order, whatever order the page sent
  const next: CaseTags = {
    caseId,
    proposed: proposalOf(found.data, record, tags),
    confirmed: ordered,
    confirmedBy: staffId,
    confirmedAt: clock.now().toISOString(),
  }
  await store.confirmCaseTags(next)
  return ok(await toView(ctx, found.data, next, tags))
}

/** station.listTags: the active tags (the board's filter). */
export async function listActiveTags(ctx: ServiceContext): Promise<Result<{ tags: TagView[] }>> {
  const tags = await ctx.deps.store.listTags()
  return ok({ tags: tags.filter((t) => t.active).map(view) })
}
