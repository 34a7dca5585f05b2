import { z } from 'zod'
import { MAX_CASE_TAGS, TagIdSchema, TagNameSchema, TagPhrasesSchema, TagSchema } from './tag.schema'

// The tag actions (src/domain/api/contract.ts, policy.ts, docs/tags.md): staff read the tags and
// confirm a case's tags (station, regulator), an administrator edits the tags (staff function).
const CaseId = z.string({ error: '缺少案件' }).min(1).max(64)

/** A tag as pages see it (no editor ids: the list is shown to every staff member). */
export const TagViewSchema = TagSchema.pick({ id: true, name: true, phrases: true, active: true, position: true })
export type TagView = z.infer<typeof TagViewSchema>
export const TagListSchema = z.object({ tags: z.array(TagViewSchema) })

export const CaseTagsViewSchema = z.object({
  caseId: z.string(),
  /** the active tags, plus any disabled one the case carries (so it can be shown and removed) */
  tags: z.array(TagViewSchema),
  proposed: z.array(z.string()),
  confirmed: z.array(z.string()).nullable(),
  /** the confirming staff member's name (or id when the account is gone) */
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
})
export type CaseTagsView = z.infer<typeof CaseTagsViewSchema>

export const ConfirmTagsInputSchema = z.object({
  caseId: CaseId,
  tagIds: z
    .array(TagIdSchema)
    .max(MAX_CASE_TAGS, { error: `一个案件最多 ${MAX_CASE_TAGS} 个标签` })
    .refine((ids) => new Set(ids).size === ids.length, { error: '标签重复' }),
})

/** id absent: a new tag; present: rename / change phrases / disable or enable the tag */
export const SaveTagInputSchema = z.object({
  id: TagIdSchema.optional(),
  name: TagNameSchema,
  phrases: TagPhrasesSchema,
  active: z.boolean(),
})
export type SaveTagInput = z.infer<typeof SaveTagInputSchema>

export const STATION_TAGS_API = {
  /** the active tags (the board's 标签 filter) */
  listTags: { input: z.object({}), output: TagListSchema },
  /** a case's proposed and confirmed tags */
  caseTags: { input: z.object({ caseId: CaseId }), output: CaseTagsViewSchema },
  /** 确认标签: the set staff chose, with who and when */
  confirmTags: { input: ConfirmTagsInputSchema, output: CaseTagsViewSchema },
} as const

export const ADMIN_TAGS_API = {
  /** every tag, disabled ones too (标签管理) */
  listAllTags: { input: z.object({}), output: TagListSchema },
  saveTag: { input: SaveTagInputSchema, output: TagViewSchema },
} as const
