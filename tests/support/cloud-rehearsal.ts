// The shared setup of issue 15's rehearsals: the bundles scripts/build-functions.ts ships, built into a
// temporary folder, and run in one plain Node process with only what CloudBase gives a function (its
// environment id, the service address, temporary keys) plus the deployer's variables — against the
// loopback's document database and storage, with every collection provisioned first (the functions
// create none, as in a real environment).
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase-db/collection-names'
import { startCloudbaseTestApp, type CloudbaseTestApp } from './cloudbase-test-app'
import { TEST_CHAIN_KEY, TEST_DATA_KEY } from './test-deps'

const ROOT = join(__dirname, '../..')
const execFileAsync = promisify(execFile)
const key = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64')

export interface BuiltBundles {
  out: string
  status: number | null
  stderr: string
  /** the path of each named function's index.js */
  paths(names: readonly string[]): Record<string, string>
  remove(): void
}

/** scripts/build-functions.ts --outdir <temp>: the same bundles `npm run build:functions` ships. */
export function buildBundles(prefix: string): BuiltBundles {
  const out = mkdtempSync(join(tmpdir(), prefix))
  const build = spawnSync('npx', ['tsx', 'scripts/build-functions.ts', '--outdir', out], { cwd: ROOT, encoding: 'utf8' })
  return {
    out,
    status: build.status,
    stderr: build.stderr,
    paths: (names) => Object.fromEntries(names.map((n) => [n, join(out, n, 'index.js')])),
    remove: () => rmSync(out, { recursive: true, force: true }),
  }
}

/** A fresh loopback environment whose collections exist and must exist (strict, like CloudBase). */
export async function provisionedCloud(): Promise<CloudbaseTestApp> {
  const cloud = await startCloudbaseTestApp()
  cloud.loopback.db.engine.strictCollections = true
  for (const name of Object.values(COLLECTIONS)) await cloud.db.createCollection(name)
  return cloud
}

/**
 * Run a journey script (CommonJS, written into the bundles' folder) in one Node process whose only
 * variables are CloudBase's and `extra`; its last line of output is parsed as JSON and returned.
 */
export async function runInCloud(
  bundles: Pick<BuiltBundles, 'out'>,
  cloud: CloudbaseTestApp,
  script: string,
  args: unknown[],
  extra: Record<string, string>,
): Promise<unknown> {
  const file = join(bundles.out, `journey-${process.pid}-${Math.random().toString(16).slice(2)}.js`)
  writeFileSync(file, script)
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_PATH: join(ROOT, 'node_modules'),
    TENCENTCLOUD: 'true',
    TCB_ENV: cloud.loopback.env,
    SCF_NAMESPACE: cloud.loopback.env,
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: cloud.loopback.serviceUrl }),
    TENCENTCLOUD_SECRETID: 'function-temp-id',
    TENCENTCLOUD_SECRETKEY: 'function-temp-key',
    TENCENTCLOUD_SESSIONTOKEN: 'function-temp-token',
    DATA_KEY: key(TEST_DATA_KEY),
    CHAIN_KEY: key(TEST_CHAIN_KEY),
    ...extra,
  }
  const run = await execFileAsync(process.execPath, [file, ...args.map((a) => JSON.stringify(a))], {
    cwd: bundles.out,
    timeout: 90_000,
    env: env as unknown as NodeJS.ProcessEnv,
  })
  return JSON.parse(run.stdout.trim().split('\n').pop() ?? '')
}
