import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { cloudbaseFiles } from '../../cloudfunctions/adapters/cloudbase/cloudbase-files'
import { parseHostConfig } from '../../cloudfunctions/host/host-config'
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

// Hybrid mode: the local host and the cloud functions share one store (PGlite here). A shopper filed
// from the mini-program with one file uploaded the mini-program's way (uploadAsApp into the CloudBase
// loopback, then consumer.registerUpload through the cloud-side deps) and one that is on the host's disk.
// A station user on the desk opens the case over real HTTP: each file's link comes from its own store.
const ALICE = { subject: 'o-alice-openid' }
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

describe('local host in hybrid mode — evidence uploaded from the mini-program', () => {
  let store: Store
  let cloud: CloudbaseTestApp
  let cloudDeps: Deps
  let hostDeps: Deps
  let caseId: string
  let cloudId: string
  let diskId: string
  const hosts: FastifyInstance[] = []

  async function startHost(deps: Deps) {
    const app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent' })
    await app.listen({ port: 0, host: '127.0.0.1' })
    hosts.push(app)
    return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  }
  /** the case page's files as the desk sees them, after signing in as the station */
  async function deskEvidence(base: string): Promise<{ id: string; url: string | null; sha256: string }[]> {
    const desk = browserLike(base)
    expect((await desk.post('/auth/login', { username: 'station', password: 's3cret-pass' })).status).toBe(200)
    const detail = await desk.post('/api/station', { action: 'getCase', caseId })
    expect(detail.status).toBe(200)
    return detail.body.data.evidence
  }
  const byId = (files: { id: string; url: string | null; sha256: string }[], id: string) => files.find((f) => f.id === id)!

  beforeAll(async () => {
    store = await openTestStore()
    await seedTwoShops(store)
    cloud = await startCloudbaseTestApp()
    const shared = makeDeps(store)
    cloudDeps = { ...shared, ...cloudbaseFiles(cloud.app) } // what cloud-deps.ts wires, over the same store
    hostDeps = shared // the host's own: files on its disk, signed /files/ links
    await store.saveStaff({
      id: 's1',
      username: 'station',
      displayName: '星河站 王芳',
      role: 'station',
      siteId: SITE_A.id,
      passwordHash: await shared.secrets.hashPassword('s3cret-pass'),
      createdAt: '2026-03-10T02:00:00.000Z',
    })

    const fileId = await cloud.loopback.uploadAsApp(`uploads/${'ab'.repeat(16)}/file.pdf`, minimalPdf())
    const registered = await callAs(
      cloudDeps,
      'consumer',
      { action: 'registerUpload', fileId, kind: 'receipt', displayName: '小票.pdf' },
      ALICE,
    )
    if (!registered.ok) throw new Error(registered.error.code)
    cloudId = registered.data.id
    const onDisk = await acceptEvidence(
      { caller: await resolveCaller(hostDeps, ALICE), deps: hostDeps },
      { kind: 'receipt', fileName: '发票.pdf', bytes: minimalPdf() },
    )
    if (!onDisk.ok) throw new Error(onDisk.error.code)
    diskId = onDisk.data.id
    const filed = await callAs(
      cloudDeps,
      'consumer',
      aSubmission(SHOP_A.code, { evidenceIds: [cloudId, diskId], idempotencyKey: 'hybrid-evidence-0001' }),
      ALICE,
    )
    if (!filed.ok) throw new Error(filed.error.code)
    caseId = filed.data.caseId
  })
  afterAll(async () => {
    for (const app of hosts) await app.close()
    await cloud.close()
    await store.close()
  })

  it('when the host has the CloudBase environment, then the disk file opens through /files/ and the cloud file through a temporary URL of the storage', async () => {
    const base = await startHost({ ...hostDeps, fileLinks: hostFileLinks(hostDeps.links, cloud.app) })
    const files = await deskEvidence(base)

    const disk = byId(files, diskId)
    expect(disk.url).toMatch(/^\/files\//)
    const fromDisk = await fetch(base + disk.url!)
    expect(fromDisk.status).toBe(200)
    expect(sha256(new Uint8Array(await fromDisk.arrayBuffer()))).toBe(disk.sha256)

    const inCloud = byId(files, cloudId)
    expect(inCloud.url).toMatch(new RegExp(`^${cloud.loopback.serviceUrl.replace(/\/admin$/, '')}/cos/evidence/cloud-`))
    const fromCloud = await fetch(inCloud.url!)
    expect(fromCloud.status).toBe(200)
    expect(sha256(new Uint8Array(await fromCloud.arrayBuffer()))).toBe(inCloud.sha256)
  })

  it('when the host has no CloudBase environment, then the disk file opens as before and the cloud file answers 文件在云存储中，本机未配置云开发', async () => {
    const base = await startHost({ ...hostDeps, fileLinks: hostFileLinks(hostDeps.links, null) })
    const files = await deskEvidence(base)

    const fromDisk = await fetch(base + byId(files, diskId).url!)
    expect(fromDisk.status).toBe(200)

    const inCloud = byId(files, cloudId)
    expect(inCloud.url).toMatch(/^\/files\//)
    const opened = await fetch(base + inCloud.url!)
    expect(opened.status).toBe(501)
    expect(await opened.json()).toEqual({
      ok: false,
      error: { code: 'FILE_IN_CLOUD_STORAGE', message: '文件在云存储中，本机未配置云开发' },
    })
  })
})

describe('host configuration — CLOUDBASE_ENV', () => {
  it('when CLOUDBASE_ENV and the Tencent Cloud keys are set, then the host knows the environment; without CLOUDBASE_ENV it has none', () => {
    const keys = { TENCENTCLOUD_SECRET_ID: 'AKIDexample', TENCENTCLOUD_SECRET_KEY: 'secret-key' }
    const hybrid = parseHostConfig({ CLOUDBASE_ENV: 'kuaisu-1a2b3c', ...keys })
    expect(hybrid.ok && hybrid.config.cloudbase).toEqual({ env: 'kuaisu-1a2b3c', secretId: 'AKIDexample', secretKey: 'secret-key' })
    const plain = parseHostConfig(keys)
    expect(plain.ok && plain.config.cloudbase).toBeNull()
  })

  it('when CLOUDBASE_ENV is set without the keys, then the host refuses to start with a sentence naming each missing key', () => {
    const result = parseHostConfig({ CLOUDBASE_ENV: 'kuaisu-1a2b3c' })
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^TENCENTCLOUD_SECRET_ID：未设置（已设置 CLOUDBASE_ENV/),
        expect.stringMatching(/^TENCENTCLOUD_SECRET_KEY：未设置（已设置 CLOUDBASE_ENV/),
      ],
    })
  })
})
