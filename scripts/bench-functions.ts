// npm run bench, part: the cloud-function bundles as CloudBase runs them.
//   - the size of each bundle's index.js, raw and gzip (what the platform downloads and parses);
//   - its cold start: the time a fresh Node process takes to require index.js (module evaluation,
//     before any call), the median of several fresh processes, next to a ceiling in the same run:
//     requiring an empty file (what Node itself costs before our code).
// Built into a temp dir (scripts/build-functions.ts --outdir); externals resolve through NODE_PATH,
// as they resolve through the installed node_modules in CloudBase. Prints; writes bench/results.json
// ("functions"); asserts nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { saveBenchSection } from './bench-results'

const ROOT = resolve(__dirname, '..')
const RUNS = 5
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** ms to require `file` in a fresh Node process, measured inside it (process start excluded). */
function requireMs(file: string): number {
  const script = `const t = process.hrtime.bigint(); require(${JSON.stringify(file)}); console.log(Number(process.hrtime.bigint() - t) / 1e6)`
  // TENCENTCLOUD=true: the SDK would otherwise probe Tencent's metadata host while loading
  const run = spawnSync(process.execPath, ['-e', script], {
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules'), TENCENTCLOUD: 'true' },
  })
  if (run.status !== 0) throw new Error(`require ${file} failed:\n${run.stderr}`)
  return Number(run.stdout.trim())
}

function main() {
  const out = mkdtempSync(join(tmpdir(), 'kuaisu-bench-fn-'))
  try {
    const build = spawnSync('npx', ['tsx', 'scripts/build-functions.ts', '--outdir', out], { cwd: ROOT, encoding: 'utf8' })
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}`)
    const empty = join(out, 'empty.js')
    writeFileSync(empty, '')
    const ceiling = median(Array.from({ length: RUNS }, () => requireMs(empty)))
    const names = readdirSync(out).filter((n) => existsSync(join(out, n, 'index.js')))
    const rows = names.map((name) => {
      const file = join(out, name, 'index.js')
      const bytes = readFileSync(file)
      return {
        name,
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes).length,
        coldStartMs: median(Array.from({ length: RUNS }, () => requireMs(file))),
      }
    })
    console.log(`\nCloud-function bundles (cold start = require index.js in a fresh process, median of ${RUNS})`)
    console.log(`${'function'.padEnd(12)} ${'index.js'.padStart(10)} ${'gzip'.padStart(10)} ${'cold start'.padStart(12)}`)
    for (const r of rows)
      console.log(
        `${r.name.padEnd(12)} ${kb(r.rawBytes).padStart(10)} ${kb(r.gzipBytes).padStart(10)} ${`${r.coldStartMs.toFixed(1)} ms`.padStart(12)}`,
      )
    console.log(
      `${'(empty file)'.padEnd(12)} ${''.padStart(10)} ${''.padStart(10)} ${`${ceiling.toFixed(1)} ms`.padStart(12)}  ← the floor: Node's own require`,
    )
    saveBenchSection('functions', { runs: RUNS, emptyRequireMs: ceiling, bundles: rows })
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

main()
