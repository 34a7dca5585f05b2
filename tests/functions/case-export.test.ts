import { csvTableWriter } from '../../cloudfunctions/adapters/exports/csv-table-writer'
import type { ByteSink, TableWriter } from '../../cloudfunctions/ports/exports'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import type { Deps } from '../../cloudfunctions/services/context'
import { planCaseExport, writeCaseExport, type CaseExportPlan } from '../../cloudfunctions/services/exports/case-export'
import { monthlyReportDocument } from '../../cloudfunctions/services/exports/monthly-report'
import { resolveCaller, type PlatformIdentity } from '../../cloudfunctions/services/resolve-caller'
import { loginStaff } from '../../cloudfunctions/services/staff-auth'
import { CASE_COLUMNS, type Cell } from '../../src/domain/exports/case-columns'
import type { Role } from '../../src/domain/identity'
import { aSubmission } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A, SHOP_B, SITE_A, SITE_B, seedTwoShops } from '../support/seed-shops'
import { makeDeps, openTestStore } from '../support/test-deps'

// 导出案件 (issue 18.5): who may export which site's cases, object by object; the export arrives whole and
// in order when it spans several store pages, and leaves page by page; the complainant is masked unless
// asked for by a role that may see it, and then every exported case is on record in the access log.

const RANGE = { from: '2026-03-01', to: '2026-03-31' }
const A_CASES = 5

describe('case exports', () => {
  let store: Store & StoreInspection
  let deps: ReturnType<typeof makeDeps>
  const tokens = new Map<string, string>()
  const ctxOf = async (who: PlatformIdentity) => ({ caller: await resolveCaller(deps, who), deps: deps as Deps })
  const asStaff = (username: string) => ctxOf({ staffSessionToken: tokens.get(username) })

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
    await seedTwoShops(store)
    const at = deps.clock.now().toISOString()
    const hash = await deps.secrets.hashPassword('correct horse')
    const accounts: [string, Role & ('station' | 'regulator' | 'proxy' | 'admin'), string | null][] = [
      ['station-a', 'station', SITE_A.id],
      ['station-b', 'station', SITE_B.id],
      ['reg-all', 'regulator', null],
      ['reg-a', 'regulator', SITE_A.id],
      ['proxy-a', 'proxy', SITE_A.id],
      ['admin', 'admin', null],
    ]
    for (const [username, role, siteId] of accounts) {
      await store.saveStaff({ id: `staff-${username}`, username, displayName: username, role, siteId, passwordHash: hash, createdAt: at })
      const login = await loginStaff(deps, username, 'correct horse')
      if (!login.ok) throw new Error(login.error.code)
      tokens.set(username, login.data.token)
    }
    await store.saveMembership({ id: 'm1', merchantId: SHOP_A.id, siteId: SITE_A.id, subject: 'clerk-a', status: 'active', createdAt: at })
    for (let i = 0; i < A_CASES; i++) {
      deps.clock.advance(60_000) // one minute apart: the store's newest-first order is then the filing order reversed
      const filed = await callAs(
        deps,
        'consumer',
        aSubmission(SHOP_A.code, { name: `李阿姨${i}`, description: `第${i}件：汤里有苍蝇，要求退款` }),
        {
          subject: `shopper-${i}`,
        },
      )
      if (!filed.ok) throw new Error(filed.error.code)
    }
    const b = await callAs(deps, 'consumer', aSubmission(SHOP_B.code, { name: '王先生' }), { subject: 'shopper-b' })
    if (!b.ok) throw new Error(b.error.code)
  })
  afterAll(() => store.close())

  /** A writer that keeps what it was given, noting each call in the shared trace. */
  function recordingWriter(trace: string[]): TableWriter & { rows_: Cell[][] } {
    const rows_: Cell[][] = []
    return {
      rows_,
      sheet: async () => void trace.push('sheet'),
      rows: async (rows) => {
        trace.push(`rows:${rows.length}`)
        rows_.push(...rows.map((r) => [...r]))
      },
      end: async () => void trace.push('end'),
    }
  }

  /** The store's case reads, noted in the same trace. */
  function tracedReads(trace: string[]) {
    const listCasesForSite = store.listCasesForSite.bind(store)
    deps.store = Object.assign(Object.create(store), {
      listCasesForSite: async (siteId: string, page: { limit: number; offset: number }) => {
        trace.push(`read:${page.offset}`)
        return listCasesForSite(siteId, page)
      },
    })
    return () => (deps.store = store)
  }

  const planAs = async (username: string, input: object, pageSize?: number) => {
    const plan = await planCaseExport(await asStaff(username), { ...RANGE, format: 'csv', ...input }, pageSize)
    return plan
  }
  const exportedNumbers = async (username: string, input: object = {}) => {
    const plan = await planAs(username, input)
    if (!plan.ok) throw new Error(plan.error.code)
    const writer = recordingWriter([])
    await writeCaseExport(await asStaff(username), plan.data, writer)
    return writer.rows_.map((r) => String(r[0]))
  }

  it('when a clerk, a shopper or a proxy desk asks for an export, then it is refused', async () => {
    const clerk = await planCaseExport(await ctxOf({ subject: 'clerk-a' }), { ...RANGE, format: 'csv' })
    const shopper = await planCaseExport(await ctxOf({ subject: 'shopper-0' }), { ...RANGE, format: 'csv' })
    const proxy = await planAs('proxy-a', {})
    expect([clerk, shopper, proxy].map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN'])
  })

  it('when an administrator asks for the case list or the month report (which names cases and quotes return visits), then both are refused', async () => {
    const admin = await planAs('admin', {})
    expect(admin.ok ? 'ok' : admin.error.code).toBe('FORBIDDEN')
    const month = await monthlyReportDocument(await asStaff('admin'), { siteId: SITE_A.id, month: '2026-03' })
    expect(month.ok ? 'ok' : month.error.code).toBe('FORBIDDEN')
  })

  it('when a range reaches year 0 or spans more than two years, then the field says why (no database error)', async () => {
    const year0 = await planAs('station-a', { from: '0000-01-01', to: '0000-01-31' })
    expect(year0.ok ? 'ok' : year0.error.code).toBe('VALIDATION_FAILED')
    const long = await planAs('station-a', { from: '2020-01-01', to: '2026-03-31' })
    expect(long.ok ? 'ok' : long.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { to: '一次最多导出两年' } })
  })

  it("when station A asks for site B's cases, then the site is not found; its own export holds only site A's cases", async () => {
    const other = await planAs('station-a', { siteId: SITE_B.id })
    expect(other.ok ? 'ok' : other.error.code).toBe('SITE_NOT_FOUND')
    const own = await exportedNumbers('station-a')
    expect(own).toHaveLength(A_CASES)
    const bOwn = await exportedNumbers('station-b')
    expect(bOwn).toHaveLength(1)
    expect(own).not.toContain(bOwn[0])
  })

  it('when a regulator of site A names site B, then it is not found; a regulator of every site gets both sites', async () => {
    const tied = await planAs('reg-a', { siteId: SITE_B.id })
    expect(tied.ok ? 'ok' : tied.error.code).toBe('SITE_NOT_FOUND')
    expect(await exportedNumbers('reg-all')).toHaveLength(A_CASES + 1)
    expect(await exportedNumbers('reg-all', { siteId: SITE_B.id })).toHaveLength(1)
  })

  it('when the range holds no day of the cases, then the export has the header and no rows', async () => {
    expect(await exportedNumbers('station-a', { from: '2026-02-01', to: '2026-02-28' })).toEqual([])
  })

  it('when an export spans several store pages, then every case arrives once, newest first, and each page is written before the next is read', async () => {
    const trace: string[] = []
    const restore = tracedReads(trace)
    try {
      const plan = await planAs('station-a', {}, 2)
      if (!plan.ok) throw new Error(plan.error.code)
      const writer = recordingWriter(trace)
      const count = await writeCaseExport(await asStaff('station-a'), plan.data, writer)
      expect(count).toBe(A_CASES)
      const numbers = writer.rows_.map((r) => String(r[0]))
      expect(new Set(numbers).size).toBe(A_CASES)
      expect([...numbers].sort().reverse()).toEqual(numbers) // same-day numbers grow with filing: newest first
      expect(trace).toEqual(['sheet', 'read:0', 'rows:2', 'read:2', 'rows:2', 'read:4', 'rows:1', 'end'])
    } finally {
      restore()
    }
  })

  it('when one window of an export spans store pages (a cloud file), then it holds exactly its slice of the whole, and reading stops after it', async () => {
    const trace: string[] = []
    const plan = await planAs('station-a', {}, 2)
    if (!plan.ok) throw new Error(plan.error.code)
    const whole = await exportedNumbers('station-a')
    const restore = tracedReads(trace)
    try {
      const writer = recordingWriter(trace)
      const count = await writeCaseExport(await asStaff('station-a'), plan.data, writer, { skip: 1, take: 2 })
      expect(count).toBe(2)
      expect(writer.rows_.map((r) => String(r[0]))).toEqual(whole.slice(1, 3))
      // pages 0–1 and 2–3 hold the window; the page from 4 is never read
      expect(trace).toEqual(['sheet', 'read:0', 'rows:1', 'read:2', 'rows:1', 'end'])
    } finally {
      restore()
    }
  })

  it('when a CSV export spans several pages, then the sink has bytes of the first rows before the last page is read', async () => {
    const trace: string[] = []
    const restore = tracedReads(trace)
    const chunks: Uint8Array[] = []
    const sink: ByteSink = {
      write: async (chunk) => {
        chunks.push(chunk)
        trace.push(`bytes:${chunk.length}`)
      },
    }
    try {
      const plan = await planAs('station-a', {}, 2)
      if (!plan.ok) throw new Error(plan.error.code)
      await writeCaseExport(await asStaff('station-a'), plan.data, csvTableWriter(sink))
    } finally {
      restore()
    }
    const lastRead = trace.lastIndexOf('read:4')
    expect(trace.slice(0, lastRead).filter((t) => t.startsWith('bytes:')).length).toBeGreaterThanOrEqual(3) // BOM, header, page 1, page 2
    const text = Buffer.concat(chunks).toString('utf8')
    expect(text.trimEnd().split('\r\n')).toHaveLength(A_CASES + 1)
    expect(text.split('\r\n')[0]).toBe(`\ufeff${CASE_COLUMNS.join(',')}`)
  })

  it('when station staff export without personal data, then the complainant is masked and nothing is logged', async () => {
    const plan = await planAs('station-a', {})
    if (!plan.ok) throw new Error(plan.error.code)
    const writer = recordingWriter([])
    await writeCaseExport(await asStaff('station-a'), plan.data, writer)
    const nameAt = CASE_COLUMNS.indexOf('投诉人')
    const phoneAt = CASE_COLUMNS.indexOf('投诉人电话')
    expect(writer.rows_.map((r) => r[nameAt])).toEqual(Array(A_CASES).fill('李阿**')) // 李阿姨0 … masked
    expect(writer.rows_.every((r) => r[phoneAt] === '138****5678')).toBe(true)
    const ids = await caseIdsOf(plan.data)
    for (const id of ids) expect((await store.listAccessOfCase(id)).filter((e) => e.purpose === 'export.cases')).toEqual([])
  })

  it('when station staff export with personal data, then names and phones are whole and every exported case is on record once', async () => {
    const plan = await planAs('station-a', { personal: true })
    if (!plan.ok) throw new Error(plan.error.code)
    const writer = recordingWriter([])
    await writeCaseExport(await asStaff('station-a'), plan.data, writer)
    const nameAt = CASE_COLUMNS.indexOf('投诉人')
    expect(writer.rows_.map((r) => r[nameAt]).sort()).toEqual(['李阿姨0', '李阿姨1', '李阿姨2', '李阿姨3', '李阿姨4'])
    const ids = await caseIdsOf(plan.data)
    expect(ids).toHaveLength(A_CASES)
    for (const id of ids) {
      const entries = (await store.listAccessOfCase(id)).filter((e) => e.purpose === 'export.cases')
      expect(entries.map((e) => e.viewer)).toEqual([{ role: 'station', id: 'staff-station-a' }])
    }
  })

  async function caseIdsOf(plan: CaseExportPlan): Promise<string[]> {
    const page = await store.listCasesForSite(plan.selection.siteId ?? SITE_A.id, { limit: 100, offset: 0 })
    return page.map((c) => c.id)
  }
})
