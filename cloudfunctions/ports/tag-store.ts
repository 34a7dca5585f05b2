import type { CaseTags, Tag } from '../../src/domain/tags/tag.schema'

// 标签 (docs/tags.md, migration 0025): the tags as data, and each case's proposed and confirmed tags
// as a record of its own keyed by the case id. The board's tag filter reads the confirmed tags
// (BoardQuery.tag): SQL through case_tags.confirmed (GIN), CloudBase through the case document's
// `confirmedTags` array, written with the record in one transaction.
export interface TagStore {
  /** every tag, disabled ones too, by position then id (the defaults are there from the start) */
  listTags(): Promise<Tag[]>
  /** insert or replace one tag */
  saveTag(tag: Tag): Promise<void>
  getCaseTags(caseId: string): Promise<CaseTags | null>
  /** the proposal at filing; a case that has a record keeps it (filing retried, or confirmed already) */
  proposeCaseTags(caseId: string, proposed: readonly string[]): Promise<void>
  /** the set staff chose, with who and when; the board filters on it from the next read */
  confirmCaseTags(record: CaseTags): Promise<void>
}
