import { fail, ok, type Result } from '../../src/domain/errors'
import type { Tag } from '../../src/domain/tags/tag.schema'
import type { SaveTagInput, TagView } from '../../src/domain/tags/tags-api'
import type { ServiceContext } from './context'

// 标签管理 (docs/tags.md): an administrator lists every tag, adds one, renames it, changes its match
// phrases, disables or enables it. Nothing is deleted: a disabled tag stays on the cases that carry
// it and in their statistics, and is neither proposed nor offered any more. The policy admits only
// 'admin' (policy.ts); the check is repeated here so that no other wiring can skip it.

const view = (t: Tag): TagView => ({ id: t.id, name: t.name, phrases: t.phrases, active: t.active, position: t.position })

function adminOf(ctx: ServiceContext): Result<string> {
  const staff = ctx.caller.staff
  if (!staff) return fail('UNAUTHENTICATED')
  return staff.role === 'admin' ? ok(staff.staffId) : fail('FORBIDDEN')
}

/** staff.listAllTags: every tag, disabled ones too, in their order. */
export async function listAllTags(ctx: ServiceContext): Promise<Result<{ tags: TagView[] }>> {
  const admin = adminOf(ctx)
  if (!admin.ok) return admin
  return ok({ tags: (await ctx.deps.store.listTags()).map(view) })
}

/** staff.saveTag: a new tag (no id) goes last; an existing one keeps its id and place. Names are unique. */
export async function saveTag(ctx: ServiceContext, input: SaveTagInput): Promise<Result<TagView>> {
  const admin = adminOf(ctx)
  if (!admin.ok) return admin
  const { store, clock, ids } = ctx.deps
  const tags = await store.listTags()
  const existing = input.id ? tags.find((t) => t.id === input.id) : undefined
  if (input.id && !existing) return fail('VALIDATION_FAILED', { id: '未找到该标签，请刷新后重试' })
  if (tags.some((t) => t.name === input.name && t.id !== input.id)) return fail('VALIDATION_FAILED', { name: '已有同名标签' })
  const phrases = [...new Set(input.phrases.map((p) => p.toLowerCase()))]
  const tag: Tag = {
    id:
      existing?.id ??
      `t-${ids
        .newId()
        .replace(/[^a-z0-9]/gi, '')
        .toLowerCase()
        .slice(0, 16)}`,
    name: input.name,
    phrases,
    active: input.active,
    position: existing?.position ?? Math.max(0, ...tags.map((t) => t.position)) + 10,
    updatedAt: clock.now().toISOString(),
    updatedBy: admin.data,
  }
  await store.saveTag(tag)
  return ok(view(tag))
}
