import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { startClockScheduler } from '../../cloudfunctions/host/clock-scheduler'
import { buildServer, type ServerOptions } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import { removeUnclaimedUploads } from '../../cloudfunctions/services/remove-unclaimed-uploads'
import { aSubmission } from '../support/builders'
import { browserLike } from '../support/http-client'
import { SHOP_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'
import { form } from '../evidence/support/evidence-host'
import { minimalPdf } from '../evidence/support/images'

// Item 6 of issue 12: one anonymous client stored 200 MB in 3 s, and unclaimed uploads stayed forever.
describe('uploads cannot fill the disk', () => {
  let store: Store
  let deps: ReturnType<typeof makeDeps>
  let dataDir: string
  const apps: FastifyInstance[] = []

  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    dataDir = mkdtempSync(join(tmpdir(), 'kuaisu-limits-'))
    deps = { ...makeDeps(store), files: diskFileStore(join(dataDir, 'files')) }
  })
  afterAll(async () => {
    for (const app of apps) await app.close()
    await store.close()
    rmSync(dataDir, { recursive: true, force: true })
  })

  async function host(opts: Partial<ServerOptions>) {
    const app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent', ...opts })
    await app.listen({ port: 0, host: '127.0.0.1' })
    apps.push(app)
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }
  async function upload(browser: ReturnType<typeof browserLike>, bytes: Uint8Array = minimalPdf()) {
    const res = await browser.request('/upload/evidence', {
      method: 'POST',
      body: form([
        ['kind', 'receipt'],
        ['file', { bytes, name: '小票.pdf' }],
      ]),
    })
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }
  }

  it('when a device has uploaded its hourly count, then the next upload is 429 TOO_MANY_REQUESTS with Retry-After and a Chinese sentence; an hour on, it is taken again', async () => {
    const base = await host({ uploadQuota: { perHour: 2, bytesPerHour: 10_000_000 } })
    const phone = browserLike(base)
    expect((await upload(phone)).status).toBe(200)
    deps.clock.advance(10 * 60_000)
    expect((await upload(phone)).status).toBe(200)
    const refused = await upload(phone)
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual({
      ok: false,
      error: { code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('每小时最多上传 2 个文件') },
    })
    expect(Number(refused.retryAfter)).toBe(50 * 60) // when the first upload leaves the hour
    expect((await upload(browserLike(base))).status).toBe(200) // another device has its own quota
    deps.clock.advance(50 * 60_000 + 1000)
    expect((await upload(phone)).status).toBe(200)
  })

  it('when a device would pass its hourly bytes, then the upload is refused with 429 and nothing is stored', async () => {
    const pdf = minimalPdf()
    const base = await host({ uploadQuota: { perHour: 100, bytesPerHour: pdf.length * 2 } })
    const phone = browserLike(base)
    expect((await upload(phone, pdf)).status).toBe(200)
    expect((await upload(phone, pdf)).status).toBe(200)
    const subject = deps.secrets.hashToken(phone.jar.get('ks_device')!)
    const since = new Date(deps.clock.now().getTime() - 3_600_000).toISOString()
    const refused = await upload(phone, pdf)
    expect([refused.status, refused.body.error.code]).toEqual([429, 'TOO_MANY_REQUESTS'])
    expect(Number(refused.retryAfter)).toBeGreaterThan(0)
    expect((await store.uploadsSince(subject, since)).count).toBe(2)
  })

  it('when the files disk has less free space than the floor, then every upload is refused with 507 STORAGE_FULL in Chinese', async () => {
    const base = await host({ freeSpaceFloor: { dir: join(dataDir, 'files'), minFreeBytes: 2 ** 60 } })
    const refused = await upload(browserLike(base))
    expect(refused.status).toBe(507)
    expect(refused.body).toEqual({ ok: false, error: { code: 'STORAGE_FULL', message: expect.stringMatching(/存储空间不足/) } })
    const roomy = await host({ freeSpaceFloor: { dir: join(dataDir, 'files'), minFreeBytes: 1024 } })
    expect((await upload(browserLike(roomy))).status).toBe(200)
  })

  it('when uploads nobody claimed are a day old, then the cleanup removes row and bytes; claimed and younger ones stay', async () => {
    const base = await host({})
    const phone = browserLike(base)
    const stale = (await upload(phone)).body.data.id as string
    const claimed = (await upload(phone)).body.data.id as string
    const filed = await phone.post('/api/consumer', aSubmission(SHOP_A.code, { evidenceIds: [claimed] }))
    expect(filed.status).toBe(200)
    const staleKey = (await store.getEvidence(stale))!.storageKey
    const claimedKey = (await store.getEvidence(claimed))!.storageKey
    deps.clock.advance(24 * 3_600_000 + 60_000)
    const young = (await upload(browserLike(base))).body.data.id as string

    const report = await removeUnclaimedUploads(deps, deps.clock.now())
    expect(report.removed).toBeGreaterThanOrEqual(1)
    expect(await store.getEvidence(stale)).toBeNull()
    expect(await deps.files.get(staleKey)).toBeNull()
    expect(await store.getEvidence(claimed)).not.toBeNull()
    expect(await deps.files.get(claimedKey)).not.toBeNull()
    expect(await store.getEvidence(young)).not.toBeNull()
    expect(existsSync(join(dataDir, 'files'))).toBe(true)
  })

  it('when the host scheduler starts, then it runs the cleanup job too', async () => {
    const stale = (await upload(browserLike(await host({})))).body.data.id as string
    deps.clock.advance(25 * 3_600_000)
    const ran = new Promise<unknown>((resolve) => {
      const scheduler = startClockScheduler(deps, { deliver: async () => undefined } as never, () => undefined, {
        onRun: (job, report) => {
          if (job !== 'cleanup') return
          void scheduler.stop().then(() => resolve(report))
        },
      })
    })
    expect(await ran).toMatchObject({ removed: expect.any(Number) })
    expect(await store.getEvidence(stale)).toBeNull()
  })
})
