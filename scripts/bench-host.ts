// The real host on a fresh PGlite with the demo seed, serving an H5 build: what the page benches
// (bench-page.ts, bench-lighthouse.ts) open in Chromium, as a phone would reach a station's server.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bootHost } from '../cloudfunctions/host/boot'
import { parseHostConfig } from '../cloudfunctions/host/host-config'

/** A port nobody holds now: PUBLIC_URL must name the real one, so PORT=0 will not do. */
const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })

export async function startBenchHost(h5Dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-bench-page-'))
  const parsed = parseHostConfig({ PORT: String(await freePort()), HOST: '127.0.0.1', DATA_DIR: dataDir, H5_DIR: h5Dir, LOG_LEVEL: 'warn' })
  if (!parsed.ok) throw new Error(parsed.problems.join('; '))
  const host = await bootHost(parsed.config, () => undefined)
  return {
    url: host.url,
    async close() {
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
