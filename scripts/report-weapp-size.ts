// Prints the size of the WeChat build's main package and of each subpackage, and fails (exit 1)
// when the main package passes our 800 KB budget (WeChat's own limit is 2 MB): the complaint page a QR
// code opens lives in it, and a cheap phone on a weak network downloads all of it before that page
// shows. Run after `taro build --type weapp` (KS_OUTPUT_ROOT: a build made elsewhere, config/index.ts).
// A file belongs to the subpackage whose root it lies under; every other file is the main package.
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

const OUT = join(process.cwd(), process.env.KS_OUTPUT_ROOT || join('dist', 'weapp'))
const MAIN_LIMIT = 800 * 1024

interface AppJson {
  subPackages?: { root: string }[]
  subpackages?: { root: string }[]
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

const toPosix = (path: string) => path.split(sep).join('/')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

function main(): number {
  let app: AppJson
  try {
    app = JSON.parse(readFileSync(join(OUT, 'app.json'), 'utf8')) as AppJson
  } catch {
    console.error(`找不到 ${toPosix(relative(process.cwd(), join(OUT, 'app.json')))}：请先运行 taro build --type weapp`)
    return 1
  }
  const roots = [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((p) => p.root.replace(/^\/+|\/+$/g, '') + '/')
  const sizes = new Map<string, number>([['(main)', 0], ...roots.map((root): [string, number] => [root, 0])])

  for (const file of listFiles(OUT)) {
    const rel = toPosix(relative(OUT, file))
    const owner = roots.find((root) => rel.startsWith(root)) ?? '(main)'
    sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size)
  }

  const mainBytes = sizes.get('(main)') ?? 0
  console.log(`weapp package sizes (${toPosix(relative(process.cwd(), OUT))}):`)
  const row = (name: string, bytes: number, note = '') => console.log(`  ${name.padEnd(32)}${kb(bytes).padStart(10)}${note}`)
  row('main package', mainBytes, `  (limit ${kb(MAIN_LIMIT)})`)
  for (const root of roots) row(`subpackage ${root}`, sizes.get(root) ?? 0)
  row(
    'total',
    [...sizes.values()].reduce((a, b) => a + b, 0),
  )

  if (mainBytes >= MAIN_LIMIT) {
    console.error(`main package is ${kb(mainBytes)}, at or over the ${kb(MAIN_LIMIT)} budget (docs/extract-model.md, docs/first-page.md)`)
    return 1
  }
  return 0
}

process.exitCode = main()
