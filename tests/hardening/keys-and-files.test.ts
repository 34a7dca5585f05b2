import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { connectSql } from '../../cloudfunctions/adapters/sql/connect'
import { bootHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'

// Item 8 of issue 12: PGlite's files were world-writable; a fresh data directory against an existing
// database made a new key and answered 500 on every old case; a wrong key printed a crypto stack trace.
describe('keys and files', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-keys-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  const env = (over: Record<string, string> = {}) => ({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    H5_DIR: join(dataDir, 'no-h5'),
    LOG_LEVEL: 'silent',
    ...over,
  })
  async function boot(over: Record<string, string> = {}) {
    const parsed = parseHostConfig(env(over))
    if (!parsed.ok) throw new Error(parsed.problems.join())
    const host = await bootHost(parsed.config, () => undefined)
    await host.close()
  }
  function modesUnder(dir: string): Map<string, number> {
    const modes = new Map<string, number>()
    const visit = (path: string) => {
      const info = statSync(path)
      modes.set(path, info.mode & 0o777)
      if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
    }
    visit(dir)
    return modes
  }
  const keysFile = () => join(dataDir, 'keys.json')
  const swapDataKey = () => {
    const keys = JSON.parse(readFileSync(keysFile(), 'utf8'))
    const original = readFileSync(keysFile(), 'utf8')
    writeFileSync(keysFile(), JSON.stringify({ ...keys, dataKey: randomBytes(32).toString('base64') }))
    return () => writeFileSync(keysFile(), original)
  }

  it('when the host has run, then nothing in its data directory is readable or writable by other users, files from before included', async () => {
    mkdirSync(join(dataDir, 'files', 'ab'), { recursive: true })
    writeFileSync(join(dataDir, 'files', 'ab', 'old-evidence'), 'bytes')
    chmodSync(join(dataDir, 'files', 'ab', 'old-evidence'), 0o666)
    chmodSync(join(dataDir, 'files', 'ab'), 0o777)
    writeFileSync(join(dataDir, 'notes.txt'), 'not the host’s') // DATA_DIR may hold other things: left as they are
    chmodSync(join(dataDir, 'notes.txt'), 0o644)
    await boot()
    expect(statSync(join(dataDir, 'notes.txt')).mode & 0o777).toBe(0o644)
    rmSync(join(dataDir, 'notes.txt'))
    const modes = modesUnder(dataDir)
    expect(modes.size).toBeGreaterThan(100) // PGlite's own files are among them
    const open = [...modes].filter(([, mode]) => (mode & 0o077) !== 0)
    expect(open).toEqual([])
    expect(modes.get(join(dataDir, 'demo-credentials.txt'))).toBe(0o600)
    expect(modes.get(join(dataDir, 'pg'))).toBe(0o700)
  })

  it('when keys.json holds another data key than the rows were written under, then the boot stops with a Chinese sentence naming the file', async () => {
    const restore = swapDataKey()
    try {
      const refused = await boot().catch((e: unknown) => e)
      expect((refused as Error).name).toBe('BootRefusal')
      expect((refused as Error).message).toContain(`密钥文件 ${resolve(dataDir, 'keys.json')} 中的 dataKey`)
      expect((refused as Error).message).toMatch(/^快诉未启动：数据库里的资料是用另一把数据密钥加密的/)
    } finally {
      restore()
    }
    await boot() // the right key again: starts
  })

  it('when keys.json is lost (a fresh data directory against the same database), then the new key is refused at boot', async () => {
    const original = readFileSync(keysFile(), 'utf8')
    rmSync(keysFile())
    try {
      await expect(boot()).rejects.toThrow(/数据库里的资料是用另一把数据密钥加密的/)
    } finally {
      writeFileSync(keysFile(), original)
    }
  })

  it('when DATA_KEY is set to another key, then the sentence names DATA_KEY', async () => {
    await expect(boot({ DATA_KEY: randomBytes(32).toString('base64') })).rejects.toThrow(/与环境变量 DATA_KEY不符。请把 DATA_KEY 设为/)
  })

  it('when the database predates the check value, then a wrong key is still caught by opening its rows, and nothing wrong is recorded', async () => {
    const db = await connectSql({ kind: 'pglite', dataDir: join(dataDir, 'pg') })
    await db.deleteFrom('key_checks').execute()
    await db.destroy()
    const restore = swapDataKey()
    try {
      await expect(boot()).rejects.toMatchObject({ name: 'BootRefusal' })
    } finally {
      restore()
    }
    await boot() // and the right key still starts: the wrong one was not recorded
  })

  it('when npm start meets a wrong key, then it prints the sentence and exits 1, without a stack trace', () => {
    const restore = swapDataKey()
    try {
      // node itself, not npx: should the host start after all, the timeout ends the process holding the pipes
      const main = "import('./cloudfunctions/host/main.ts').then((m) => (m.runHostFromEnv ?? m.default.runHostFromEnv)())"
      const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', main], {
        cwd: resolve(__dirname, '../..'),
        env: { ...process.env, ...env(), NODE_OPTIONS: '' },
        encoding: 'utf8',
        timeout: 60_000,
        killSignal: 'SIGKILL',
      })
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('快诉未启动：数据库里的资料是用另一把数据密钥加密的')
      expect(run.stderr).not.toMatch(/\n\s+at /) // no stack frames
      expect(run.stderr).not.toMatch(/authenticate data|Error:/)
    } finally {
      restore()
    }
  })
})
