import { z } from 'zod'
import { COLLECTIONS } from './collection-names'
import type { DocDb } from './doc-db'
import { upgradeCursor, type UpgradeCursor } from './stats-upgrade-cursor'

// The document database's equivalent of SQL migration 0032's re-mark (docs/statistics-scale.md). CloudBase
// has no migration step, so the first refresh pass of a deployment that predates the regulator's site-less
// cubes marks, once, every case whose stored contribution names no cubes (stored before them: cubes.ts
// countedIn), and then records that it did (stats_meta/site-less-cubes). The refresh of such a case adds its
// rows to the all_* cubes and leaves its other rows as they were. The contributions are read one bounded page
// per listStatsPending, with the cursor in the record (stats-upgrade-cursor.ts): a large deployment is
// upgraded over several ticks, none of which runs past the clock's minute.
const ContributionDoc = z.object({ _id: z.string(), contribution: z.object({ cubes: z.array(z.string()).optional() }).passthrough() })

export const siteLessCubesUpgrade = (db: DocDb): UpgradeCursor =>
  upgradeCursor(db, 'site-less-cubes', COLLECTIONS.statsContributions, (doc) => !ContributionDoc.parse(doc).contribution.cubes)
