/** @jest-environment jsdom */
// 我要咨询 as WeChat runs it from its own subpackage (src/app.config.ts): the page's path is unchanged,
// its code loads from the subpackage's copy of the reply library, and that library is no longer in
// the main package (docs/first-page.md: the main package's 800 KB budget).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { createFakeWx, type CloudCall } from './support/fake-wx'
import { DIST, assertWeappBuilt, bootApp } from './support/mini-program'
import { failOnConsoleNoise } from './support/console-noise'
import { hostPage, type OpenedPage, type PageHost } from './support/page-host'

assertWeappBuilt()

const ROOT = 'pages/consumer/consult'
const ROUTE = `${ROOT}/index`
const FIRST_ANSWER = '买的东西有质量问题，能退货吗？' // the first entry of src/domain/consult/reply-entries.ts

function consumerFunction({ name, data }: CloudCall) {
  if (name === 'consumer' && data.action === 'consultSites') return { ok: true, data: { items: [{ id: 'site-1', name: '星河广场' }] } }
  return { ok: false, error: { code: 'UNKNOWN_ACTION', message: '不支持的操作' } }
}

const fake = createFakeWx(consumerFunction)
let host: PageHost
let page: OpenedPage | undefined

beforeAll(() => {
  bootApp(fake.wx, { path: ROUTE, query: {} })
  host = hostPage(ROUTE)
})
afterAll(() => host?.dispose())
afterEach(() => {
  page?.close()
  page = undefined
})
failOnConsoleNoise()

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]))

test('when the build is read, then 我要咨询 is a subpackage of its own that the landing page preloads, and no main-package file holds the reply library', () => {
  const app = JSON.parse(readFileSync(join(DIST, 'app.json'), 'utf8')) as {
    pages: string[]
    subPackages: { root: string; pages: string[] }[]
    preloadRule: Record<string, { packages: string[] }>
  }
  expect(app.pages).not.toContain(ROUTE)
  expect(app.subPackages).toContainEqual({ root: ROOT, pages: ['index'] })
  expect(app.preloadRule['pages/consumer/home/index'].packages).toContain(ROOT)

  const roots = app.subPackages.map((p) => p.root + '/')
  const withLibrary = filesUnder(DIST)
    .filter((file) => file.endsWith('.js') && readFileSync(file, 'utf8').includes('quality-return')) // the first entry's id
    .map((file) => relative(DIST, file).split(sep).join('/'))
  expect(withLibrary.length).toBeGreaterThan(0)
  expect(withLibrary.filter((file) => !roots.some((root) => file.startsWith(root)))).toEqual([])
})

test('when 我要咨询 is opened, then the most asked answers show from the subpackage before anyone types', async () => {
  page = host.open({})
  await page.settle('the first answer shown', () => page!.text().includes(FIRST_ANSWER))
  expect(fake.cloudCalls).toEqual([{ name: 'consumer', data: { action: 'consultSites' } }])
})
