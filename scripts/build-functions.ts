// npm run build:functions: bundle each CloudBase function (cloudfunctions/functions/<name>/index.ts
// with a config.json beside it) into dist/functions/<name>/ = index.js + package.json + config.json,
// a folder that can be uploaded as is with "云端安装依赖" (install dependencies in the cloud).
// `--outdir <dir>` writes elsewhere (the bundle test builds into a temp dir).
import { build, type Metafile } from 'esbuild'
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const SRC = join(ROOT, 'cloudfunctions', 'functions')
const flag = process.argv.indexOf('--outdir')
const OUT = flag > 0 ? resolve(process.argv[flag + 1]) : join(ROOT, 'dist', 'functions')

// Left out of the bundle, and why:
// - @cloudbase/node-sdk and pg: listed in the function's package.json and installed by CloudBase
//   ("云端安装依赖"), as published and tested packages. The SDK drags in axios, jsonwebtoken, xml2js…
//   and reads files of its own at run time; pg looks for its optional native binding lazily.
// - pg-native: that optional binding; not installed, never required unless asked for.
// - @electric-sql/pglite: the embedded store of the local host. connect.ts imports it lazily and a
//   cloud function always takes the postgres branch, so its WebAssembly (tens of MB) never ships.
// - wx-server-sdk: WeChat's cloud call (subscribe messages, mini-program codes) for the functions that
//   use it; installed by CloudBase only, not here (44 MB, and it pins its own node-sdk), so its version
//   is pinned by hand to the one whose API cloudfunctions/adapters/wechat/cloud-*.ts are written for.
// - sharp: photo re-encoding (EXIF/GPS removed) for uploads registered from the mini-program; its
//   libvips comes in platform packages that npm picks for the runtime, so it cannot be bundled.
// - exceljs and pdfkit: the station's exports (docs/cloud-exports.md). pdfkit reads its font metrics
//   from files beside its own code at run time, so it cannot be bundled; exceljs comes with it, as tested.
const INSTALLED = ['@cloudbase/node-sdk', 'pg', 'sharp', 'exceljs', 'pdfkit']
const CLOUD_ONLY: Record<string, string> = { 'wx-server-sdk': '4.0.2' }
const NEVER_LOADED = ['pg-native', '@electric-sql/pglite']

const functionNames = readdirSync(SRC).filter(
  (name) => existsSync(join(SRC, name, 'index.ts')) && existsSync(join(SRC, name, 'config.json')),
)
const installedVersion = (pkg: string): string =>
  (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version
/** Bare package name of an import path: 'pg/lib/x' → 'pg', '@a/b/c' → '@a/b'. */
const packageOf = (path: string) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

async function main(): Promise<number> {
  if (functionNames.length === 0) throw new Error(`no function folders (index.ts + config.json) under ${SRC}`)
  if (ROOT.startsWith(OUT)) throw new Error(`refusing to empty ${OUT}: it holds the project`)
  rmSync(OUT, { recursive: true, force: true }) // a function removed from the source must not linger here
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: Object.fromEntries(functionNames.map((name) => [name, join(SRC, name, 'index.ts')])),
    outdir: OUT,
    entryNames: '[name]/index',
    bundle: true,
    platform: 'node',
    target: 'node20', // the runtime named in every config.json (Nodejs20.19): the Node our tests run on
    format: 'cjs', // CloudBase loads index.js with require() and calls exports.main
    // Turn the lazy `await import('pg')` of connect.ts into a lazy require(): one module system in the
    // bundle, and the externals resolve like every other require (node_modules beside it, NODE_PATH).
    supported: { 'dynamic-import': false },
    // Not minified: a stack trace in the CloudBase log stays readable without shipping source maps,
    // and the bundle is well under the upload limit. The cost is a little more parse time on cold start.
    minify: false,
    sourcemap: false,
    external: [...INSTALLED, ...Object.keys(CLOUD_ONLY), ...NEVER_LOADED],
    metafile: true,
    logLevel: 'warning', // esbuild prints errors and warnings itself
  })
  for (const name of functionNames) {
    const dir = join(OUT, name)
    const meta: Metafile['outputs'][string] = result.metafile.outputs[relative(ROOT, join(dir, 'index.js'))]
    // Only the externals this bundle really imports become dependencies, pinned to what was tested here.
    const used = new Set(meta.imports.filter((i) => i.external).map((i) => packageOf(i.path)))
    const dependencies = Object.fromEntries([
      ...INSTALLED.filter((p) => used.has(p)).map((p) => [p, installedVersion(p)]),
      ...Object.entries(CLOUD_ONLY).filter(([p]) => used.has(p)),
    ])
    const pkg = { name: `kuaisu-fn-${name}`, private: true, main: 'index.js', dependencies }
    writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
    copyFileSync(join(SRC, name, 'config.json'), join(dir, 'config.json'))
    const deps = Object.entries(dependencies)
      .map(([p, v]) => `${p}@${v}`)
      .join(', ')
    console.log(`  ${name.padEnd(12)} ${kb(statSync(join(dir, 'index.js')).size).padStart(10)}   external: ${deps || '—'}`)
  }
  console.log(`functions built into ${relative(process.cwd(), OUT) || '.'}`)
  return 0
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    // esbuild has already printed its diagnostics; a failure of ours gets its message here.
    if (!(err instanceof Error && 'errors' in err)) console.error(err)
    process.exitCode = 1
  },
)
