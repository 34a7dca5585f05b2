import { cloudbaseFileLinks } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-file-links'
import { cloudbaseFileStore } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-file-store'
import { cloudbaseStorage } from '../../../cloudfunctions/adapters/cloudbase/cloudbase-storage'
import { anEvidence } from '../../support/builders'
import { startCloudbaseLoopback, type CloudbaseLoopback } from '../../support/cloudbase-loopback'
import { sdkAppFor } from './sdk-app'

// In CloudBase a case page's file links are the storage service's temporary URLs, asked for in one batch.
describe('cloudbaseFileLinks — temporary URLs for a case page', () => {
  let loopback: CloudbaseLoopback
  beforeAll(async () => {
    loopback = await startCloudbaseLoopback()
  })
  afterAll(() => loopback.close())
  beforeEach(() => {
    loopback.objects.clear()
    loopback.adminCalls.length = 0
  })

  const setUp = async (count: number) => {
    const storage = cloudbaseStorage(sdkAppFor(loopback))
    const files = cloudbaseFileStore(storage)
    const evidence = Array.from({ length: count }, (_, i) =>
      anEvidence('o-alice', { storageKey: `${String(i).padStart(4, '0')}abcdef0123456789abcdef0123` }),
    )
    for (const [i, e] of evidence.entries()) await files.put(e.storageKey, Uint8Array.from([i % 256]))
    loopback.adminCalls.length = 0
    return { links: cloudbaseFileLinks(storage), evidence }
  }
  const downloadCalls = () => loopback.adminCalls.filter((c) => c.action === 'storage.batchGetDownloadUrl')

  it('when a page has three files, then one request asks for three URLs of ten minutes, and each opens its own bytes', async () => {
    const { links, evidence } = await setUp(3)
    const urls = await links.urlsFor(evidence, new Date('2026-03-10T02:00:00Z'), 10 * 60 * 1000)
    expect(downloadCalls()).toHaveLength(1)
    expect(downloadCalls()[0].body.file_list).toEqual(
      evidence.map((e) => ({ fileid: `${loopback.prefix}evidence/${e.storageKey}`, max_age: 600 })),
    )
    expect([...urls.keys()]).toEqual(evidence.map((e) => e.id))
    for (const [i, e] of evidence.entries()) {
      const res = await fetch(urls.get(e.id)!)
      expect([res.status, [...new Uint8Array(await res.arrayBuffer())]]).toEqual([200, [i]])
    }
  })

  it('when a URL is tampered with, then storage refuses it', async () => {
    const { links, evidence } = await setUp(1)
    const url = (await links.urlsFor(evidence, new Date(), 600_000)).get(evidence[0].id)!
    expect((await fetch(url.replace(/sign=[0-9a-f]/, 'sign=z'))).status).toBe(403)
  })

  it('when a page has 120 files, then they are asked for 50 at a time (the service refuses more)', async () => {
    const { links, evidence } = await setUp(120)
    const urls = await links.urlsFor(evidence, new Date(), 600_000)
    expect(downloadCalls().map((c) => (c.body.file_list as unknown[]).length)).toEqual([50, 50, 20])
    expect(urls.size).toBe(120)
  })

  it("when one file's bytes are gone, then that file gets no link and the others still do", async () => {
    const { links, evidence } = await setUp(2)
    loopback.objects.delete(`evidence/${evidence[0].storageKey}`)
    const urls = await links.urlsFor(evidence, new Date(), 600_000)
    expect([...urls.keys()]).toEqual([evidence[1].id])
  })
})
