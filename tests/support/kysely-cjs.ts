import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSync } from 'esbuild'

// Kysely 0.29 ships ES modules only, and jest (run with --experimental-vm-modules so that PGlite's
// own `import("node:…")` calls work) refuses to `require` an ES module. So the suite bundles Kysely
// and its migration entry into ONE CommonJS file (one copy of its classes) and maps both names to it.
export const KYSELY_CJS = join(__dirname, '../../.cache/jest/kysely.cjs')

export function buildKyselyCjs() {
  mkdirSync(join(KYSELY_CJS, '..'), { recursive: true })
  const entry = join(KYSELY_CJS, '../kysely-entry.mjs')
  writeFileSync(entry, "export * from 'kysely'\nexport * from 'kysely/migration'\n")
  buildSync({
    entryPoints: [entry],
    outfile: KYSELY_CJS,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    nodePaths: [join(__dirname, '../../node_modules')],
    logLevel: 'error',
  })
}
