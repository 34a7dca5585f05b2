import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { kyselyOverPglite, migrateToLatest, openPglite } from '../../cloudfunctions/adapters/sql/connect'
import { buildKyselyCjs } from './kysely-cjs'

// Creating a PGlite database costs ~5 s and ~750 MB; loading a dump of a migrated one ~1.5 s.
// So the suite migrates once, dumps, and every test file starts from that dump. The dump is keyed
// by the migrations' content, so adding a migration makes a new template.
const MIGRATIONS_DIR = join(__dirname, '../../cloudfunctions/adapters/sql/migrations')

export default async function setup() {
  buildKyselyCjs()
  const hash = createHash('sha256')
  for (const f of readdirSync(MIGRATIONS_DIR).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS_DIR, f)))
  const file = join(tmpdir(), `kuaisu-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`)
  if (!existsSync(file)) {
    const pglite = await openPglite({ kind: 'pglite', dataDir: null })
    await migrateToLatest(kyselyOverPglite(pglite))
    const dump = await pglite.dumpDataDir('none')
    await pglite.close()
    const partial = `${file}.${process.pid}.partial`
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()))
    renameSync(partial, file) // atomic: a concurrent run never reads half a template
  }
  process.env.KS_PGLITE_TEMPLATE = file
}
