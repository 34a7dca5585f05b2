import { spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { Client } from 'pg'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { bootHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
import { fileCaseWithReceipt, npmScript as runNpmScript } from './support/backup-fixtures'

// Issue 12.8 on a real PostgreSQL server: a fresh data directory (so a new keys.json) against an
// existing database used to start and answer 500 on every old case; and npm run backup / restore
// through pg_dump and pg_restore, round trip.
describe('keys and backups on PostgreSQL', () => {
  const adminUrl = process.env.TEST_DATABASE_URL!
  const root = mkdtempSync(join(tmpdir(), 'kuaisu-pg-keys-'))
  const databases: string[] = []
  afterAll(async () => {
    const admin = new Client({ connectionString: adminUrl })
    await admin.connect()
    for (const name of databases) await admin.query(`drop database if exists ${name}`)
    await admin.end()
    rmSync(root, { recursive: true, force: true })
  })

  async function newDatabase(): Promise<string> {
    const name = `ks_keys_${randomBytes(5).toString('hex')}`
    const admin = new Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database ${name}`)
    await admin.end()
    databases.push(name)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return url.toString()
  }
  const freePort = () =>
    new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => done(port))
      })
    })
  async function boot(dataDir: string, databaseUrl: string) {
    const port = await freePort()
    const parsed = parseHostConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl,
      H5_DIR: join(dataDir, 'no-h5'),
      LOG_LEVEL: 'silent',
    })
    if (!parsed.ok) throw new Error(parsed.problems.join())
    return bootHost(parsed.config, () => undefined)
  }
  const npmScript = (script: string, dataDir: string, databaseUrl: string, ...args: string[]) =>
    runNpmScript(script, { dataDir, databaseUrl }, ...args)

  it('when a fresh data directory meets a database written under another key, then the boot stops naming the new keys.json; backup and restore round-trip through pg_dump', async () => {
    const first = join(root, 'first')
    const database = await newDatabase()
    const { caseId, sha256: sha } = await fileCaseWithReceipt(await boot(first, database))

    const fresh = join(root, 'fresh')
    await expect(boot(fresh, database)).rejects.toMatchObject({
      name: 'BootRefusal',
      message: expect.stringContaining(`与密钥文件 ${resolve(fresh, 'keys.json')} 中的 dataKey不符`),
    })

    const archive = join(root, 'pg-backup.tar.gz')
    const made = npmScript('backup', first, database, '--out', archive)
    expect([made.status, made.stderr]).toEqual([0, ''])
    expect(spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' }).stdout.split('\n')).toEqual(
      expect.arrayContaining(['manifest.json', 'postgres.dump', 'keys.json', 'files/']),
    )

    const target = await newDatabase()
    const restored = join(root, 'restored')
    const done = npmScript('restore', restored, target, archive)
    expect([done.status, done.stderr]).toEqual([0, ''])
    await (await boot(restored, target)).close()
    const keys = JSON.parse(readFileSync(join(restored, 'keys.json'), 'utf8'))
    const store = await openSqlStore({ kind: 'postgres', url: target }, aesVault(Buffer.from(keys.dataKey, 'base64')))
    try {
      expect((await store.getCase(caseId))?.complainant).toMatchObject({ name: '李阿姨' })
      const [evidence] = await store.listEvidenceOfCase(caseId)
      const bytes = await diskFileStore(join(restored, 'files')).get(evidence.storageKey)
      expect(createHash('sha256').update(bytes!).digest('hex')).toBe(sha)
    } finally {
      await store.close()
    }

    const again = npmScript('restore', join(root, 'elsewhere'), target, archive)
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('DATABASE_URL 指向的数据库')
  })
})
