import { acceptEvidence } from '../../cloudfunctions/services/evidence/accept-evidence'
import { evidenceViewFor, openEvidenceLink } from '../../cloudfunctions/services/evidence/evidence-links'
import { contextOf, memoryDeps, NOW } from './support/evidence-deps'
import { minimalPdf } from './support/images'

describe('evidence links — ten minutes to open one file', () => {
  let deps: ReturnType<typeof memoryDeps>
  let id: string
  beforeEach(async () => {
    deps = memoryDeps()
    const accepted = await acceptEvidence(contextOf(deps), { kind: 'receipt', fileName: '发票.pdf', bytes: minimalPdf() })
    if (!accepted.ok) throw new Error(accepted.error.code)
    id = accepted.data.id
  })
  const tokenOf = (url: string | null) => url!.replace(/^\/files\//, '')

  it('when a view is made, then it carries a /files/ link and never the storage key', async () => {
    const evidence = (await deps.store.getEvidence(id))!
    const view = evidenceViewFor(deps, evidence, NOW)
    expect(view.url).toMatch(/^\/files\/[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/)
    expect(JSON.stringify(view)).not.toContain(evidence.storageKey)
    expect(view).toEqual({
      id,
      kind: 'receipt',
      mime: 'application/pdf',
      bytes: evidence.bytes,
      sha256: evidence.sha256,
      displayName: '发票.pdf',
      url: view.url,
    })
  })

  it('when the link is opened within ten minutes, then the evidence and its bytes come back', async () => {
    const view = evidenceViewFor(deps, (await deps.store.getEvidence(id))!, NOW)
    deps.clock.advance(9 * 60_000 + 59_000)
    const opened = await openEvidenceLink(deps, tokenOf(view.url))
    if (!opened.ok) throw new Error(opened.error.code)
    expect(opened.data.evidence.id).toBe(id)
    expect(Buffer.from(opened.data.bytes).equals(minimalPdf())).toBe(true)
  })

  it('when ten minutes have passed, then FILE_LINK_EXPIRED', async () => {
    const view = evidenceViewFor(deps, (await deps.store.getEvidence(id))!, NOW)
    deps.clock.advance(10 * 60_000)
    expect(await openEvidenceLink(deps, tokenOf(view.url))).toMatchObject({ ok: false, error: { code: 'FILE_LINK_EXPIRED' } })
  })

  it('when the token is forged, names unknown evidence, or its bytes are gone, then FILE_LINK_EXPIRED', async () => {
    const evidence = (await deps.store.getEvidence(id))!
    const later = new Date(NOW.getTime() + 60_000)
    expect((await openEvidenceLink(deps, 'not-a-token')).ok).toBe(false)
    expect((await openEvidenceLink(deps, deps.links.sign('ev-999', later))).ok).toBe(false)
    await deps.files.remove(evidence.storageKey)
    expect(await openEvidenceLink(deps, deps.links.sign(id, later))).toMatchObject({ ok: false, error: { code: 'FILE_LINK_EXPIRED' } })
  })
})
