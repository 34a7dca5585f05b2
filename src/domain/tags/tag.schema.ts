import { z } from 'zod'

// A tag (标签) is data, not code: the twenty defaults are seeded (SQL migration 0025, the CloudBase
// `tags` collection on first read) and an administrator adds, renames and disables tags. Each tag
// carries its own match phrases, so a tag an administrator adds is proposed from the text as well.

/** ascii, stable: the defaults' ids are words ('quality'); an administrator's new tag gets a generated one */
export const TagIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/, { error: '标签编号无效' })

export const TagNameSchema = z
  .string({ error: '请填写标签名称' })
  .trim()
  .min(1, { error: '请填写标签名称' })
  .max(12, { error: '标签名称最多 12 个字' })

/** a phrase is looked for as it stands (after the same normalising as the text); short ones would match everything */
export const TagPhraseSchema = z.string().trim().min(2, { error: '每个关键词至少 2 个字' }).max(20, { error: '每个关键词最多 20 个字' })

export const TagPhrasesSchema = z.array(TagPhraseSchema).max(40, { error: '关键词最多 40 个' })

export const TagSchema = z.object({
  id: TagIdSchema,
  name: TagNameSchema,
  phrases: TagPhrasesSchema,
  /** a disabled tag is neither proposed nor offered; cases that carry it keep it */
  active: z.boolean(),
  /** the order on pages; the defaults 10, 20, …, a new tag after the last */
  position: z.number().int().min(0),
  updatedAt: z.string(),
  /** the staff id of the last editor, 'seed' for the defaults */
  updatedBy: z.string(),
})
export type Tag = z.infer<typeof TagSchema>

/**
 * A case's tags, a record of its own keyed by the case id (not a case event: see docs/tags.md).
 * `proposed` is what the text suggested at filing; `confirmed` null until staff confirm, then the
 * set staff chose (which may differ from the proposal), with who and when.
 */
export const CaseTagsSchema = z.object({
  caseId: z.string(),
  proposed: z.array(TagIdSchema),
  confirmed: z.array(TagIdSchema).nullable(),
  confirmedBy: z.string().nullable(),
  confirmedAt: z.string().nullable(),
})
export type CaseTags = z.infer<typeof CaseTagsSchema>

/** At most this many tags on one case: a tag that fits every case tells nothing. */
export const MAX_CASE_TAGS = 8
