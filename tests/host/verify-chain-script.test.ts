import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { TEST_CHAIN_KEY, TEST_DATA_KEY, TEST_VAULT } from '../support/test-deps'
import { openWorkflowWorld } from '../support/workflow-world'

// `npm run verify:chain` on a real data directory (PGlite on disk, keys from the environment, the
// anchored heads in <dataDir>/chain-heads.log): what it prints, in Chinese, and its exit code.
const ROOT = resolve(__dirname, '../..')
const b64 = (key: Uint8Array) => Buffer.from(key).toString('base64')

describe('npm run verify:chain', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kuaisu-verify-'))
  const env = (chainKey: Uint8Array) => ({
    ...process.env,
    DATA_DIR: dir,
    DATABASE_URL: '',
    DATA_KEY: b64(TEST_DATA_KEY),
    LINK_KEY: b64(new Uint8Array(32).fill(9)),
    CHAIN_KEY: b64(chainKey),
  })
  const verify = (args: string[], chainKey = TEST_CHAIN_KEY) => {
    const run = spawnSync('npx', ['tsx', 'scripts/verify-chain.ts', ...args], { cwd: ROOT, env: env(chainKey), encoding: 'utf8' })
    return { code: run.status, out: run.stdout + run.stderr }
  }
  const openDb = () => connectSql({ kind: 'pglite', dataDir: join(dir, 'pg') })
  let deleted = ''
  let edited = ''

  beforeAll(async () => {
    const db = await openDb()
    await migrateToLatest(db)
    const world = await openWorkflowWorld(undefined, sqlStore(db, TEST_VAULT))
    const a = await world.file('script-shopper-1')
    const b = await world.file('script-shopper-2')
    for (const id of [a, b]) await world.act('station', id, 'accept', world.who['st-a'])
    deleted = (await world.store.getCase(a))?.caseNo ?? ''
    edited = (await world.store.getCase(b))?.caseNo ?? ''
    await world.store.close()
  })

  it('when nothing was touched, then anchoring and verifying every case says all is intact (exit 0)', () => {
    const run = verify(['--anchor'])
    expect(run.out).toContain('已锚定 2 个案件的链头到')
    expect(run.out).toContain(`${deleted}  记录完整：共 2 条事件，未发现改动`)
    expect(run.out).toContain('共核对 2 个案件：全部完整')
    expect(run.code).toBe(0)
  })

  it('when the last event of one case is deleted and the status of another edited, then it names both (exit 1)', async () => {
    const db = await openDb()
    const a = await db.selectFrom('cases').select('id').where('case_no', '=', deleted).executeTakeFirstOrThrow()
    await db.deleteFrom('case_events').where('case_id', '=', a.id).where('seq', '=', 2).execute()
    await db.updateTable('cases').set({ status: 'closed' }).where('case_no', '=', edited).execute()
    await db.destroy()

    const run = verify([deleted, edited])
    expect(run.out).toContain(`${deleted}  有改动痕迹\n  ✗ 最后 1 条事件被删除`)
    expect(run.out).toContain(`${edited}  有改动痕迹\n  ✗ 案件记录与最后一条事件不符（状态）`)
    expect(run.out).toContain('共核对 2 个案件：2 个有问题')
    expect(run.code).toBe(1)
  })

  it('when CHAIN_KEY is not the key the record was signed with, then it says so in Chinese', () => {
    const run = verify([edited], new Uint8Array(32).fill(6))
    expect(run.out).toMatch(
      /✗ CHAIN_KEY 与写入这些记录时所用的密钥不同（记录的密钥编号 [0-9a-f]{8}，当前 [0-9a-f]{8}），无法核对签名：请检查 CHAIN_KEY 设置/,
    )
    expect(run.out).not.toContain('锚定的链头记录被改动') // said once, as the key, not as a forged anchor
    expect(run.code).toBe(1)
  })
})
