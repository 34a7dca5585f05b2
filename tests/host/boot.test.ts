import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bootHost } from '../../cloudfunctions/host/boot'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
import { DEMO_MERCHANTS } from '../../cloudfunctions/seed/demo-data'

// The whole process as `npm start` runs it, on a fresh data directory and then again on the same one.
describe('booting the local host', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-boot-'))
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  const boot = async () => {
    const parsed = parseHostConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      H5_DIR: join(dataDir, 'no-h5'),
      LOG_LEVEL: 'silent',
      HOST: '127.0.0.1',
      PUBLIC_URL: 'http://kuaisu.test:8080',
    })
    if (!parsed.ok) throw new Error(parsed.problems.join())
    const lines: string[] = []
    const host = await bootHost(parsed.config, (l) => lines.push(l))
    await host.close()
    return lines.join('\n')
  }

  it('when started on an empty data directory, then it migrates, seeds the demo mall, prints every URL and writes a QR per shop', async () => {
    const printed = await boot()
    expect(DEMO_MERCHANTS.length).toBeGreaterThanOrEqual(5)
    expect(new Set(DEMO_MERCHANTS.map((m) => m.industry)).size).toBeGreaterThanOrEqual(5)
    for (const m of DEMO_MERCHANTS) {
      expect(printed).toContain(`http://kuaisu.test:8080/s/${m.code}`)
      const png = readFileSync(join(dataDir, 'qr', `${m.code}.png`))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
    }
    expect(printed).toContain('http://kuaisu.test:8080/#/pages/station/login/index')
    // the secrets are in a file only this user can read; the log names the file (issue 12)
    const secrets = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8')
    expect(secrets).toMatch(/http:\/\/kuaisu\.test:8080\/demo\/clerk\?key=[A-Za-z0-9_-]{22}/)
    expect(secrets).toMatch(/station\s+密码 \S+/)
    expect(printed).toContain(join(dataDir, 'demo-credentials.txt'))
    expect(printed).not.toMatch(/密码 \S|key=/)
    expect(existsSync(join(dataDir, 'pg'))).toBe(true)
  })

  it('when started again on the same directory, then the same demo credentials are printed and nothing is seeded twice', async () => {
    const credentials = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8'))
    const printed = await boot()
    const secrets = readFileSync(join(dataDir, 'demo-credentials.txt'), 'utf8')
    expect(secrets).toContain(`密码 ${credentials.passwords.station}`)
    expect(secrets).toContain(`key=${credentials.clerkKey}`)
    expect(printed).not.toContain(credentials.passwords.station)
  })
})
