import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bootHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'

// A browser session is hundreds of requests: at two info lines each they buried the start-up URLs
// (issue 16). Requests are logged at debug now, one line each, and LOG_FILE sends the log to a file.
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
    probe.on('error', fail)
  })
}

describe('request logs', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-logs-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  /** Boots with this LOG_LEVEL into a log file, asks a few pages, closes; returns the file's lines. */
  async function requestsLoggedAt(level: string): Promise<string[]> {
    const logFile = join(dataDir, `host-${level}.log`)
    const port = await freePort()
    const parsed = parseHostConfig({
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      H5_DIR: join(dataDir, 'no-h5'),
      LOG_LEVEL: level,
      LOG_FILE: logFile,
    })
    if (!parsed.ok) throw new Error(parsed.problems.join())
    const said: string[] = []
    const host = await bootHost(parsed.config, (l) => said.push(l))
    try {
      for (let i = 0; i < 3; i++)
        await fetch(`http://127.0.0.1:${port}/api/consumer`, {
          method: 'POST',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
    } finally {
      await host.close()
    }
    expect(said[said.length - 1]).toMatch(/^快诉已启动：http/) // the URLs are the last thing the console shows
    return readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.includes('request completed') || l.includes('incoming request'))
  }

  it('when the level is the default info, then no request is logged', async () => {
    expect(await requestsLoggedAt('info')).toEqual([])
  })

  it('when LOG_LEVEL=debug, then each request is one line, with its status and no device token', async () => {
    const lines = await requestsLoggedAt('debug')
    expect(lines).toHaveLength(3)
    const first = JSON.parse(lines[0])
    expect(first).toMatchObject({ msg: 'request completed', statusCode: expect.any(Number), req: { method: 'POST', url: '/api/consumer' } })
    expect(lines[0]).not.toMatch(/cookie/i)
  })
})
