import type { CollectionSpec } from './cloudbase-resources'
import { COLLECTIONS } from './collection-names'

// 标签 (cloudbase-tag-store.ts): part of the manifest in cloudbase-resources.ts. case_tags is read by
// _id (the case) only; the board's tag filter runs on the cases collection (`confirmedTags`, indexed
// in cloudbase-case-indexes.ts).
export const TAG_COLLECTIONS = {
  [COLLECTIONS.tags]: {
    indexes: [
      {
        name: 'position',
        keys: [
          ['position', 'asc'],
          ['_id', 'asc'],
        ],
        serves: 'listTags',
      },
    ],
  },
  [COLLECTIONS.caseTags]: { indexes: [] },
} as const satisfies Record<string, CollectionSpec>
