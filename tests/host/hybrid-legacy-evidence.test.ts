import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { cloudbaseFiles } from '../../cloudfunctions/adapters/cloudbase/cloudbase-files'
import { diskFileExists, diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { hostFileLinks } from '../../cloudfunctions/host/host-file-links'
import { buildServer } from '../../cloudfunctions/host/server'
import type { Store } from '../../cloudfunctions/ports/store'
import type { Deps } from '../../cloudfunctions/services/context'
import { acceptEvidence } from '../../cloudfunctions/services/evidence/accept-evidence'
import { resolveCaller } from '../../cloudfunctions/services/resolve-caller'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'
import { browserLike } from '../support/http-client'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'
import { minimalPdf } from '../evidence/support/images'

// Hybrid mode, files from before the `cloud-` prefix (docs/evidence-files.md): the cloud functions
// then stored evidence under an unprefixed key, `evidence/<32 hex>` in the bucket, exactly like the
// host's disk keys. Such a key is played here by the cloud side's file store with its prefix taken
// away. The desk, over real HTTP, must open it from CloudBase storage (the disk does not have it),
// while a disk file next to it keeps its /files/ link.
const ALICE = { subject: 'o-alice-openid' }
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
type DeskFile = { id: string; url: string | null; sha256: string }

describe('local host in hybrid mode — evidence the mini-program uploaded before the cloud- prefix', () => {
  let store: Store
  let cloud: CloudbaseTestApp
  let hostDeps: Deps
  let filesRoot: string
  let caseId: string
  let diskOnlyCaseId: string
  let legacyId: string
  let diskId: string
  let app: FastifyInstance | undefined
  let base = ''

  /** the case page's files as the desk sees them, signed in as the station */
  async function deskEvidence(id: string): Promise<DeskFile[]> {
    const desk = browserLike(base)
    expect((await desk.post('/auth/login', { username: 'station', password: 's3cret-pass' })).status).toBe(200)
    const detail = await desk.post('/api/station', { action: 'getCase', caseId: id })
    expect(detail.status).toBe(200)
    return detail.body.data.evidence as DeskFile[]
  }

  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    cloud = await startCloudbaseTestApp()
    filesRoot = mkdtempSync(join(tmpdir(), 'kuaisu-hybrid-files-'))
    const shared = makeDeps(store)
    const cloudSide = cloudbaseFiles(cloud.app)
    // the cloud functions as they were: same bucket and folder, no key prefix
    const legacyCloudDeps: Deps = { ...shared, ...cloudSide, files: { ...cloudSide.files, keyPrefix: undefined } }
    hostDeps = { ...shared, files: diskFileStore(filesRoot) }
    await store.saveStaff({
      id: 's1',
      username: 'station',
      displayName: '星河站 王芳',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await shared.secrets.hashPassword('s3cret-pass'),
      createdAt: '2026-03-10T02:00:00.000Z',
    })
    const legacy = await acceptEvidence(
      { caller: await resolveCaller(legacyCloudDeps, ALICE), deps: legacyCloudDeps },
      { kind: 'receipt', fileName: '旧小票.pdf', bytes: minimalPdf() },
    )
    if (!legacy.ok) throw new Error(legacy.error.code)
    legacyId = legacy.data.id
    const onDisk = await acceptEvidence(
      { caller: await resolveCaller(hostDeps, ALICE), deps: hostDeps },
      { kind: 'receipt', fileName: '发票.pdf', bytes: minimalPdf() },
    )
    if (!onDisk.ok) throw new Error(onDisk.error.code)
    diskId = onDisk.data.id
    const filed = await callAs(
      legacyCloudDeps,
      'consumer',
      aSubmission(SHOP_A.code, { evidenceIds: [legacyId, diskId], idempotencyKey: 'hybrid-legacy-0001' }),
      ALICE,
    )
    if (!filed.ok) throw new Error(filed.error.code)
    caseId = filed.data.caseId
    const second = await acceptEvidence(
      { caller: await resolveCaller(hostDeps, ALICE), deps: hostDeps },
      { kind: 'receipt', fileName: '收据.pdf', bytes: minimalPdf() },
    )
    if (!second.ok) throw new Error(second.error.code)
    const deskOnly = await callAs(
      hostDeps,
      'consumer',
      aSubmission(SHOP_A.code, { evidenceIds: [second.data.id], idempotencyKey: 'hybrid-legacy-0002' }),
      ALICE,
    )
    if (!deskOnly.ok) throw new Error(deskOnly.error.code)
    diskOnlyCaseId = deskOnly.data.caseId

    app = await buildServer(
      { ...hostDeps, fileLinks: hostFileLinks(hostDeps.links, cloud.app, diskFileExists(filesRoot)) },
      { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' },
    )
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    await app?.close()
    await cloud.close()
    await store.close()
    rmSync(filesRoot, { recursive: true, force: true })
  })

  it('when the legacy key is not on the host disk, then the desk opens it through a temporary URL of CloudBase storage, and the disk file still through /files/', async () => {
    const legacyKey = (await store.getEvidence(legacyId))?.storageKey ?? ''
    expect(legacyKey).toMatch(/^[0-9a-f]{32}$/) // no prefix: nothing in the key says "cloud"

    const files = await deskEvidence(caseId)
    const byId = (id: string) => files.find((f) => f.id === id)!

    const legacy = byId(legacyId)
    expect(legacy.url?.startsWith(`${cloud.loopback.serviceUrl.replace(/\/admin$/, '')}/cos/evidence/${legacyKey}`)).toBe(true)
    const fromCloud = await fetch(legacy.url!)
    expect(fromCloud.status).toBe(200)
    expect(sha256(new Uint8Array(await fromCloud.arrayBuffer()))).toBe(legacy.sha256)

    const disk = byId(diskId)
    expect(disk.url).toMatch(/^\/files\//)
    const fromDisk = await fetch(base + disk.url!)
    expect(fromDisk.status).toBe(200)
    expect(sha256(new Uint8Array(await fromDisk.arrayBuffer()))).toBe(disk.sha256)
  })

  it('when every file of a case is on the host disk, then the desk links them through /files/ and asks CloudBase storage nothing', async () => {
    const asked = () => cloud.loopback.adminCalls.filter((c) => c.action === 'storage.batchGetDownloadUrl').length
    const before = asked()
    const files = await deskEvidence(diskOnlyCaseId)

    expect(files).toHaveLength(1)
    expect(files[0].url).toMatch(/^\/files\//)
    expect(asked()).toBe(before)
  })
})
