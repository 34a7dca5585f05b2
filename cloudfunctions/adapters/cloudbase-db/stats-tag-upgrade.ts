import { z } from 'zod'
import { COLLECTIONS } from './collection-names'
import type { DocDb } from './doc-db'
import { upgradeCursor, type UpgradeCursor } from './stats-upgrade-cursor'

// The document database's equivalent of SQL migration 0031's re-mark (docs/tags.md "As a statistics
// dimension"). CloudBase has no migration step, so — as the tags themselves are seeded by the first
// listTags — the first refresh pass of a deployment that predates the tag cube marks, once, every case
// whose tags staff had confirmed, and then records that it did (stats_meta/tag-cube). Only those cases:
// a case without confirmed tags adds nothing to month_tag and its other rows are unchanged, so refreshing
// it would change nothing. The tag records are read one bounded page per listStatsPending, with the cursor
// in the record (stats-upgrade-cursor.ts): a large deployment is upgraded over several ticks.
const CaseTagsDoc = z.object({ _id: z.string(), confirmed: z.array(z.string()).nullable().optional() })

export const tagCubeUpgrade = (db: DocDb): UpgradeCursor =>
  upgradeCursor(db, 'tag-cube', COLLECTIONS.caseTags, (doc) => (CaseTagsDoc.parse(doc).confirmed ?? []).length > 0)
