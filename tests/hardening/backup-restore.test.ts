import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { openSqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { aesVault } from '../../cloudfunctions/adapters/system/aes-vault'
import { bootHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
import { fileCaseWithReceipt, npmScript as runNpmScript } from './support/backup-fixtures'

// Item 8 of issue 12: there was no backup command. npm run backup / npm run restore, round trip:
// a PGlite data directory with a case and its evidence, backed up, restored into a fresh directory,
// booted, and read back — personal data decrypted, evidence bytes matching their SHA-256.
describe('backup and restore', () => {
  const root = mkdtempSync(join(tmpdir(), 'kuaisu-backup-test-'))
  const original = join(root, 'original')
  const restored = join(root, 'restored')
  const archive = join(root, 'backup.tar.gz')
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  const freePort = () =>
    new Promise<number>((done) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number }
        probe.close(() => done(port))
      })
    })
  async function boot(dataDir: string) {
    const port = await freePort()
    const parsed = parseHostConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      H5_DIR: join(dataDir, 'no-h5'),
      LOG_LEVEL: 'silent',
    })
    if (!parsed.ok) throw new Error(parsed.problems.join())
    return bootHost(parsed.config, () => undefined)
  }
  const npmScript = (script: string, dataDir: string, ...args: string[]) => runNpmScript(script, { dataDir, databaseUrl: '' }, ...args)
  const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

  let caseId = ''
  let sha = ''

  it('when a case with evidence is backed up, then one archive (mode 600) holds the database, the keys and the files', async () => {
    ;({ caseId, sha256: sha } = await fileCaseWithReceipt(await boot(original)))
    const made = npmScript('backup', original, '--out', archive)
    expect(made.stderr).toBe('')
    expect(made.status).toBe(0)
    expect(made.stdout).toContain(`备份完成：${archive}`)
    expect(statSync(archive).mode & 0o777).toBe(0o600)
    const listing = spawnSync('tar', ['-tzf', archive], { encoding: 'utf8' }).stdout.split('\n')
    expect(listing).toEqual(expect.arrayContaining(['manifest.json', 'pglite.tar.gz', 'keys.json', 'files/']))
  })

  it('when it is restored into a fresh directory and booted, then the case opens with its personal data and its evidence matches the SHA-256', async () => {
    const done = npmScript('restore', restored, archive)
    expect(done.stderr).toBe('')
    expect(done.status).toBe(0)
    const host = await boot(restored) // the key check passes: the keys came along
    await host.close()

    const keys = JSON.parse(readFileSync(join(restored, 'keys.json'), 'utf8'))
    const store = await openSqlStore({ kind: 'pglite', dataDir: join(restored, 'pg') }, aesVault(Buffer.from(keys.dataKey, 'base64')))
    try {
      const found = await store.getCase(caseId)
      expect(found?.complainant).toMatchObject({ name: '李阿姨', address: '星河社区3栋201' })
      const [evidence] = await store.listEvidenceOfCase(caseId)
      expect(evidence.sha256).toBe(sha)
      const bytes = await diskFileStore(join(restored, 'files')).get(evidence.storageKey)
      expect(sha256(bytes!)).toBe(sha)
    } finally {
      await store.close()
    }
    expect(statSync(join(restored, 'keys.json')).mode & 0o777).toBe(0o600)
  })

  it('when the target already holds data, then restore refuses with a Chinese sentence, unless --force', () => {
    const refused = npmScript('restore', restored, archive)
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/^恢复未完成：目标里已经有数据，不会覆盖/)
    expect(npmScript('restore', restored, archive, '--force').status).toBe(0)
    expect(existsSync(join(restored, 'pg', 'PG_VERSION'))).toBe(true)
  })
})
