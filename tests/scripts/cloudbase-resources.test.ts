// The provisioning manifest and the deploy configuration, checked against the code they describe:
// every collection, every function folder, the upload path the mini-program uses, the timers.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import {
  CLIENT_FUNCTIONS,
  COLLECTION_RESOURCES,
  FUNCTION_RULE,
  INTERNAL_FUNCTIONS,
  STORAGE_UPLOAD_PATTERN,
} from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-resources'
import { readFunctionSpecs } from '../../scripts/cloud-functions-config'
import { UPLOAD_PATH } from '../../src/domain/api/contract'

const ROOT = join(__dirname, '../..')
const SRC = join(ROOT, 'cloudfunctions/functions')
const FOLDERS = readdirSync(SRC)
  .filter((n) => existsSync(join(SRC, n, 'config.json')))
  .sort()

test('when the manifest is read, then it holds exactly the collections the adapter names', () => {
  expect(Object.keys(COLLECTION_RESOURCES).sort()).toEqual(Object.values(COLLECTIONS).sort())
})

test('when the manifest is read, then it stays within CloudBase limits: 100 collections, 100 indexes a collection, 31 fields an index', () => {
  expect(Object.keys(COLLECTION_RESOURCES).length).toBeLessThanOrEqual(100)
  for (const spec of Object.values(COLLECTION_RESOURCES)) {
    expect(spec.indexes.length).toBeLessThanOrEqual(100)
    for (const index of spec.indexes) {
      expect(index.keys.length).toBeLessThanOrEqual(31)
      for (const [field] of index.keys) expect(field).toMatch(/^(_id|[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*)$/)
    }
  }
})

test('when a collection has indexes, then their names are unique and valid, and none is a prefix of another (it would be redundant)', () => {
  for (const [collection, spec] of Object.entries(COLLECTION_RESOURCES)) {
    const names = spec.indexes.map((i) => i.name)
    expect({ collection, names: new Set(names).size }).toEqual({ collection, names: names.length })
    for (const index of spec.indexes) {
      expect(index.name).toMatch(/^[a-z][a-z0-9_]{0,63}$/)
      expect(index.keys.length).toBeGreaterThan(0)
      for (const other of spec.indexes) {
        if (other === index || other.keys.length < index.keys.length) continue
        const prefix = index.keys.every(([f, d], i) => other.keys[i][0] === f && other.keys[i][1] === d)
        expect({ collection, index: index.name, prefixOf: prefix ? other.name : null }).toEqual({
          collection,
          index: index.name,
          prefixOf: null,
        })
      }
    }
  }
})

test('when the storage rule tests an upload path, then it accepts exactly what the mini-program uploads to', () => {
  const rule = new RegExp(STORAGE_UPLOAD_PATTERN)
  const paths = [
    'uploads/0123456789abcdef0123456789abcdef/file.jpg',
    'uploads/0123456789abcdef0123456789abcdef/file.bin',
    'uploads/0123456789ABCDEF0123456789abcdef/file.jpg',
    'uploads/0123456789abcdef0123456789abcde/file.jpg',
    'uploads/0123456789abcdef0123456789abcdef/other.jpg',
    'uploads/0123456789abcdef0123456789abcdef/file.jpeg2000',
    'evidence/0123456789abcdef0123456789abcdef/file.jpg',
    'uploads/0123456789abcdef0123456789abcdef/file.jpg/../x',
    'xuploads/0123456789abcdef0123456789abcdef/file.jpg',
    'uploads/0123456789abcdef0123456789abcdef/filexjpg',
  ]
  for (const path of paths) expect({ path, rule: rule.test(path) }).toEqual({ path, rule: UPLOAD_PATH.test(path) })
  expect(STORAGE_UPLOAD_PATTERN).not.toContain('\\') // nothing to escape between TS, JSON and the rule language
})

test('when the function rule is read, then only client functions may be called by signed-in clients and every other is refused', () => {
  expect(FUNCTION_RULE['*']).toEqual({ invoke: false })
  for (const name of CLIENT_FUNCTIONS) expect(FUNCTION_RULE[name]).toEqual({ invoke: 'auth != null' })
  for (const name of INTERNAL_FUNCTIONS) expect(FUNCTION_RULE[name]).toBeUndefined()
  // a new function folder must be put on one side or the other
  expect([...CLIENT_FUNCTIONS, ...INTERNAL_FUNCTIONS].sort()).toEqual(FOLDERS)
})

test('when a function has a timer, then it is an internal one, and every internal one has its timer', () => {
  for (const name of FOLDERS) {
    const config = JSON.parse(readFileSync(join(SRC, name, 'config.json'), 'utf8')) as { triggers?: unknown[] }
    const internal = (INTERNAL_FUNCTIONS as readonly string[]).includes(name)
    expect({ name, timer: (config.triggers ?? []).length > 0 }).toEqual({ name, timer: internal })
  }
})

test('when cloudbaserc.json and the config.json files are read, then they agree and name every function folder', () => {
  const specs = readFunctionSpecs(ROOT)
  if (!specs.ok) throw new Error(specs.problems.join('\n'))
  expect(specs.functions.map((f) => f.name).sort()).toEqual(FOLDERS)
  expect(specs.functions.find((f) => f.name === 'consumer')?.memorySize).toBeGreaterThanOrEqual(512) // sharp re-encodes photos
})

describe('a configuration that would wipe the console', () => {
  let root: string
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kuaisu-rc-'))
    mkdirSync(join(root, 'cloudfunctions/functions/inbox'), { recursive: true })
    writeFileSync(
      join(root, 'cloudfunctions/functions/inbox/config.json'),
      JSON.stringify({ timeout: 20, runtime: 'Nodejs20.19', memorySize: 256 }),
    )
  })
  afterEach(() => rmSync(root, { recursive: true, force: true }))
  const rc = (fn: object) =>
    writeFileSync(
      join(root, 'cloudbaserc.json'),
      JSON.stringify({ version: '2.0', envId: 'x', functionRoot: './dist/functions', functions: [fn] }),
    )
  const inbox = { name: 'inbox', handler: 'index.main', runtime: 'Nodejs20.19', memorySize: 256, timeout: 20, installDependency: true }

  test('when cloudbaserc.json sets envVariables, then it is refused with the reason', () => {
    rc({ ...inbox, envVariables: { TZ: 'Asia/Shanghai' } })
    const specs = readFunctionSpecs(root)
    expect(specs.ok).toBe(false)
    expect(specs.ok ? '' : specs.problems.join('\n')).toContain('控制台里设置的密钥会被清空')
  })

  test('when config.json differs from cloudbaserc.json, then it is refused and names the function', () => {
    rc({ ...inbox, memorySize: 512 })
    expect(readFunctionSpecs(root)).toEqual({ ok: false, problems: [expect.stringContaining('inbox：config.json 与 cloudbaserc.json')] })
  })
})
