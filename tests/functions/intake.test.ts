import { callAs } from '../support/call-as'
import sharp from 'sharp'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Deps } from '../../cloudfunctions/services/context'
import { acceptEvidence } from '../../cloudfunctions/services/evidence/accept-evidence'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import type { SubmitComplaintInput } from '../../src/domain/complaint.schema'
import { aSubmission } from '../support/builders'
import { SHOP_A, SITE_A, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// The complete complaint (issue 3) through the functions, on a real database and a real file store.
describe('complaint intake — consent, idempotency, evidence, lookup, proxy filing', () => {
  let store: Store & StoreInspection
  let deps: Deps
  const call = (fn: 'consumer' | 'proxy', event: object, who: PlatformIdentity) => callAs(deps, fn, event, who)
  const submit = (subject: string, over: Partial<SubmitComplaintInput> = {}) =>
    call('consumer', aSubmission(SHOP_A.code, over), { subject })
  const photo = () =>
    sharp({ create: { width: 64, height: 48, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
  const upload = async (subject: string, kind: 'photo' | 'receipt' = 'photo') => {
    const result = await acceptEvidence(
      { caller: await resolveCaller(deps, { subject }), deps },
      { kind, fileName: 'IMG_0001.jpg', bytes: await photo() },
    )
    if (!result.ok) throw new Error(result.error.code)
    return result.data
  }

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const now = '2026-03-10T02:00:00.000Z'
    const passwordHash = await deps.secrets.hashPassword('helper-pass')
    await store.saveStaff({
      id: 'proxy-1',
      username: 'proxy',
      displayName: '社区代办 张敏',
      role: 'proxy',
      siteId: SITE_A.id,
      passwordHash,
      createdAt: now,
    })
  })
  afterAll(() => store.close())

  it('when the privacy notice was not agreed, or an old version was, then the function refuses with a code', async () => {
    const missing = await submit('s-consent', { consentVersion: undefined as unknown as string })
    expect(missing).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { consentVersion: '请先阅读并同意个人信息告知' } },
    })
    const old = await submit('s-consent', { consentVersion: '2020-01-v0' })
    expect(old).toMatchObject({ ok: false, error: { code: 'CONSENT_REQUIRED' } })
    expect(await store.listCasesFiledBy('s-consent', { limit: 5, offset: 0 })).toEqual([])
  })

  it('when the same draft key comes back with different content, then IDEMPOTENCY_CONFLICT, and the first case stands', async () => {
    const first = await submit('s-idem', { idempotencyKey: 'same-draft-key-0001' })
    const again = await submit('s-idem', { idempotencyKey: 'same-draft-key-0001' })
    expect(again.ok && again.data.caseNo).toBe(first.ok && first.data.caseNo)
    expect(again.ok && again.data.queryCode).toBe(first.ok && first.data.queryCode)
    const changed = await submit('s-idem', { idempotencyKey: 'same-draft-key-0001', description: '内容改过了，再提交一次看看' })
    expect(changed).toMatchObject({ ok: false, error: { code: 'IDEMPOTENCY_CONFLICT' } })
  })

  it("when evidence is attached, then the case holds it with a short-lived link; another person's file cannot be claimed", async () => {
    const mine = await upload('s-evid')
    const theirs = await upload('s-other')
    const refused = await submit('s-evid', { evidenceIds: [mine.id, theirs.id] })
    expect(refused).toMatchObject({ ok: false, error: { code: 'EVIDENCE_NOT_FOUND' } })
    const filed = await submit('s-evid', { evidenceIds: [mine.id] })
    expect(filed.ok).toBe(true)
    const detail = await call('consumer', { action: 'getMyCase', caseId: filed.ok && filed.data.caseId }, { subject: 's-evid' })
    expect(detail.ok && detail.data.evidence).toEqual([
      expect.objectContaining({
        id: mine.id,
        kind: 'photo',
        mime: 'image/jpeg',
        sha256: mine.sha256,
        url: expect.stringMatching(/^\/files\//),
      }),
    ])
    const reuse = await submit('s-evid', { evidenceIds: [mine.id] })
    expect(reuse).toMatchObject({ ok: false, error: { code: 'EVIDENCE_NOT_FOUND' } }) // already claimed
  })

  it('when more than 9 photos are attached, then TOO_MANY_FILES', async () => {
    const ids = []
    for (let i = 0; i < 10; i++) ids.push((await upload('s-many')).id)
    expect(await submit('s-many', { evidenceIds: ids })).toMatchObject({
      ok: false,
      error: { code: 'TOO_MANY_FILES', fields: { evidenceIds: '照片最多9个' } },
    })
  })

  it('when someone on another device enters the case number and query code, then they see the case with personal data masked', async () => {
    const filed = await submit('s-look', { name: '王小明', phone: '13812345678' })
    if (!filed.ok) throw new Error(filed.error.code)
    const typed = filed.data.queryCode.toLowerCase().replace(/(.{4})/, '$1 ')
    const found = await call(
      'consumer',
      { action: 'lookupCase', caseNo: filed.data.caseNo.toLowerCase(), queryCode: typed },
      { subject: 'another-phone' },
    )
    expect(found).toMatchObject({
      ok: true,
      data: { caseNo: filed.data.caseNo, complainant: { name: '王**', phone: '138****5678', address: '（已隐藏）' } },
    })
    expect(found.ok && found.data.timeline).toHaveLength(1)
    const wrong = await call(
      'consumer',
      { action: 'lookupCase', caseNo: filed.data.caseNo, queryCode: 'ZZZZZZZZ' },
      { subject: 'another-phone' },
    )
    expect(wrong).toMatchObject({ ok: false, error: { code: 'LOOKUP_FAILED', message: '案件编号或查询码不正确' } })
    const unknown = await call(
      'consumer',
      { action: 'lookupCase', caseNo: 'KS-20000101-0001', queryCode: filed.data.queryCode },
      { subject: 'x' },
    )
    expect(unknown).toEqual(wrong)
  })

  it('when an anonymous report is filed, then it keeps no identity and notifies the station, not the merchant', async () => {
    const filed = await submit('s-report', { kind: 'report', anonymous: true, name: '不该保存', demands: [] })
    if (!filed.ok) throw new Error(filed.error.code)
    const stored = await store.getCase(filed.data.caseId)
    expect(stored?.complainant).toBeNull()
    const outbox = (await store.listPendingOutbox(500)).filter((m) => m.caseId === filed.data.caseId)
    expect(outbox.map((m) => m.recipient)).toEqual([{ role: 'station', id: SITE_A.id }])
  })

  it('when a proxy helper files for someone, then the helper is recorded, consent is read-aloud and a receipt comes back', async () => {
    const login = await loginStaff(deps, 'proxy', 'helper-pass')
    if (!login.ok) throw new Error(login.error.code)
    const helper = { subject: 'helper-desk', staffSessionToken: login.data.token }
    const body = { ...aSubmission(SHOP_A.code, { name: '刘奶奶', phone: '13700001234' }), action: 'fileComplaint' }
    expect(await call('proxy', body, helper)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fields: { attestation: '请确认已向当事人宣读告知并取得同意' } },
    })
    const receipt = await call('proxy', { ...body, attestation: true }, helper)
    expect(receipt).toMatchObject({ ok: true, data: { merchantName: '味道小馆', siteName: '星河广场', hotline: '0571-88812315' } })
    const stored = await store.getCase(receipt.ok ? receipt.data.caseId : '')
    expect(stored).toMatchObject({ channel: 'proxy', filedBy: 'proxy:proxy-1', consent: { mode: 'read_aloud', attestedBy: 'proxy-1' } })
    expect((await store.listEvents(stored!.id))[0].actor).toEqual({ role: 'proxy', id: 'proxy-1' })
    expect(await call('proxy', { ...body, attestation: true }, { subject: 'a-shopper' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })

  it('when shops are searched without a QR code, then matching shops come back with their site', async () => {
    const found = await call('consumer', { action: 'searchMerchants', query: '味道' }, { subject: 's-search' })
    expect(found).toEqual({
      ok: true,
      data: {
        items: [
          expect.objectContaining({
            merchant: expect.objectContaining({ code: SHOP_A.code }),
            site: { name: '星河广场', hotline: '0571-88812315' },
          }),
        ],
      },
    })
  })
})
