import { randomBytes } from 'node:crypto'
import { Client } from 'pg'
import { sql, type Kysely } from 'kysely'
import { connectSql, migrateToLatest, type SqlTarget } from '../../cloudfunctions/adapters/sql/connect'
import type { Database } from '../../cloudfunctions/adapters/sql/database'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { hmacChainSigner } from '../../cloudfunctions/adapters/system/hmac-chain-signer'
import type { Store } from '../../cloudfunctions/ports/store'
import type { StoreInspection } from '../../cloudfunctions/ports/store-inspection'
import { anchorChainHeads } from '../../cloudfunctions/services/chain-anchor'
import { verifyCaseRecord } from '../../cloudfunctions/services/verify-chain'
import type { CaseEvent } from '../../src/domain/case.schema'
import { eventHashInput, GENESIS_HASH, verifyChain } from '../../src/domain/workflow/event-chain'
import { aCase, aSubmittedEvent } from '../support/builders'
import { callAs } from '../support/call-as'
import { SHOP_A } from '../support/seed-shops'
import { TEST_VAULT } from '../support/test-deps'
import { openWorkflowWorld } from '../support/workflow-world'
import { pgliteTemplate } from '../support/pglite-template'

// Issue 12, "tampering shows". Each test first shows the old check (the hash chain alone) passing
// the edit, as the attack found it, then the full check catching it and saying what it found.
describe('a case record that was tampered with', () => {
  let db: Kysely<Database>
  let store: Store & StoreInspection
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>

  let dropDatabase = async () => {}

  beforeAll(async () => {
    db = await connectSql(await target())
    await migrateToLatest(db)
    store = sqlStore(db, TEST_VAULT) // the raw connection stays in hand: the tests edit rows the way an intruder would
    world = await openWorkflowWorld(undefined, store)
  })
  afterAll(async () => {
    await store.close()
    await dropDatabase()
  })

  /** PGlite from the suite's template; under jest.pg.config.js a fresh database on the PostgreSQL server. */
  async function target(): Promise<SqlTarget> {
    if (process.env.KS_TEST_STORE !== 'postgres') return pgliteTemplate()
    const adminUrl = process.env.TEST_DATABASE_URL
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set (see .ci/run)')
    const name = `ks_tamper_${randomBytes(6).toString('hex')}`
    const admin = async (statement: string) => {
      const client = new Client({ connectionString: adminUrl })
      await client.connect()
      await client.query(statement)
      await client.end()
    }
    await admin(`create database ${name}`)
    dropDatabase = () => admin(`drop database if exists ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return { kind: 'postgres', url: url.toString() }
  }

  const sha256 = (text: string) => world.deps.secrets.hashToken(text)
  const verify = async (caseId: string, deps = world.deps) => {
    const c = await store.getCase(caseId)
    if (!c) throw new Error('case gone')
    return verifyCaseRecord(deps, c)
  }
  /** A complaint accepted and dispatched: three events, all signed. */
  const aCaseWithThreeEvents = async (shopper: string) => {
    const caseId = await world.file(shopper)
    await world.act('station', caseId, 'accept', world.who['st-a'])
    await world.act('station', caseId, 'dispatch', world.who['st-a'])
    return caseId
  }

  it('when nobody touched the case, then it verifies as intact, and the station gets the same answer from its button', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-intact')
    const report = await verify(caseId)
    expect(report).toMatchObject({ intact: true, events: 3, olderEvents: 0, findings: [] })
    expect(report.summary).toBe('记录完整：共 3 条事件，未发现改动')

    const pressed = await callAs(world.deps, 'station', { action: 'verifyCase', caseId }, world.who['st-a'])
    expect(pressed).toMatchObject({ ok: true, data: { intact: true, summary: '记录完整：共 3 条事件，未发现改动' } })
    const logged = await store.listAccessOfCase(caseId)
    expect(logged.at(-1)).toMatchObject({ viewer: { role: 'station', id: 'st-a' }, purpose: 'station.verifyCase：完整' })
    // another site's station learns nothing, not even that the case exists
    const elsewhere = await callAs(world.deps, 'station', { action: 'verifyCase', caseId }, world.who['st-b'])
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'CASE_NOT_FOUND' } })
  })

  it('when an event is edited and every later hash recomputed, then the old check passes it and the signatures name the edited event', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-recompute')
    const events = await store.listEvents(caseId)
    // the intruder rewrites the station's reason for accepting, and recomputes the chain from there on
    let prev = events[0].hash
    const rewritten: CaseEvent[] = [events[0]]
    for (const e of events.slice(1)) {
      const changed = { ...e, note: e.seq === 2 ? '商户已全额退款' : e.note, prevHash: prev }
      const hash = sha256(eventHashInput(changed))
      rewritten.push({ ...changed, hash })
      prev = hash
      await db.updateTable('case_events').set({ note: changed.note, prev_hash: changed.prevHash, hash }).where('id', '=', e.id).execute()
    }
    const stored = await store.listEvents(caseId)
    expect(verifyChain(stored, sha256)).toEqual({ ok: true, length: 3 }) // the attack as measured: passed as intact

    const report = await verify(caseId)
    expect(report.intact).toBe(false)
    expect(report.findings).toEqual([
      { code: 'signature', seq: 2, message: '第 2 条事件内容被改动（哈希被重新计算过，签名对不上，其后 1 条的签名也对不上）' },
    ])
  })

  it('when the last event is deleted, then the old check passes it and the full check says the last event was deleted', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-delete')
    await db.deleteFrom('case_events').where('case_id', '=', caseId).where('seq', '=', 3).execute()
    expect(verifyChain(await store.listEvents(caseId), sha256)).toEqual({ ok: true, length: 2 })

    const report = await verify(caseId)
    expect(report.findings.map((f) => f.message)).toEqual(['最后 1 条事件被删除'])
  })

  it('when the last event is deleted and the case row rolled back to match, then the anchored head still shows the deletion', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-rollback')
    await anchorChainHeads(world.deps, null) // the daily head, written outside the database
    const before = await store.listEvents(caseId)
    const third = before[2]
    await db.deleteFrom('case_events').where('id', '=', third.id).execute()
    // …and put the row back as the second event left it: status, version, time
    await db.updateTable('cases').set({ status: 'accepted', version: 2, updated_at: before[1].at }).where('id', '=', caseId).execute()

    const report = await verify(caseId)
    expect(report.findings.map((f) => f.message)).toEqual(['最后 1 条事件被删除'])
    expect(report.notes.join('\n')).toMatch(/锚定的链头（第 3 条）比对/)
  })

  it('when the whole chain is recomputed after the head was anchored, then the anchored head does not meet it', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-anchor')
    await anchorChainHeads(world.deps, null)
    // strip the signatures and recompute everything old-style: it would pass as "older events"…
    let prev = GENESIS_HASH
    for (const e of await store.listEvents(caseId)) {
      const bare = { ...e, note: e.seq === 1 ? '改写' : e.note, prevHash: prev, stateDigest: undefined, mac: undefined }
      const hash = sha256(eventHashInput(bare))
      await db
        .updateTable('case_events')
        .set({ note: bare.note, prev_hash: prev, hash, state_digest: null, mac: null })
        .where('id', '=', e.id)
        .execute()
      prev = hash
    }
    expect(verifyChain(await store.listEvents(caseId), sha256)).toEqual({ ok: true, length: 3 })
    const report = await verify(caseId)
    expect(report.intact).toBe(false)
    expect(report.findings.map((f) => f.code)).toContain('anchor-mismatch')
    expect(report.findings.find((f) => f.code === 'anchor-mismatch')?.message).toMatch(
      /^第 3 条及之前的事件与 .* 锚定的记录不符（记录被改动后重算）$/,
    )
  })

  it.each([
    ['description', { description: '其实商家态度很好' }, '描述'],
    ['amount', { amount_fen: 1 }, '金额'],
    ['status', { status: 'closed' }, '状态'],
  ] as const)(
    'when the case row is edited (%s), then the old check passes it and the full check names what no longer matches',
    async (_, edit, label) => {
      const caseId = await aCaseWithThreeEvents(`shopper-row-${label}`)
      await db.updateTable('cases').set(edit).where('id', '=', caseId).execute()
      expect(verifyChain(await store.listEvents(caseId), sha256)).toEqual({ ok: true, length: 3 })

      const report = await verify(caseId)
      expect(report.findings).toEqual([{ code: 'state', seq: 3, message: `案件记录与最后一条事件不符（${label}）` }])
      const pressed = await callAs(world.deps, 'station', { action: 'verifyCase', caseId }, world.who['st-a'])
      expect(pressed).toMatchObject({ ok: true, data: { intact: false, summary: `发现 1 处问题：案件记录与最后一条事件不符（${label}）` } })
    },
  )

  it('when a case was filed before the commitment (older events without signature or state digest), then it still verifies and says which events are older', async () => {
    const c = aCase(SHOP_A, { siteId: SHOP_A.siteId, version: 1 })
    const old = aSubmittedEvent(c)
    // hashed as chainedEvent did before issue 12 (no attachments, no details: the eight base fields only)
    const older = {
      ...old,
      hash: sha256(JSON.stringify([old.caseId, old.seq, old.type, old.actor.role, old.actor.id, old.at, old.note, old.prevHash])),
    }
    await store.createCase(c, older, [], { ids: [], uploadedBy: c.filedBy })
    expect(await verify(c.id)).toMatchObject({ intact: true, events: 1, olderEvents: 1 })

    // the next step is written the new way: the chain spans both formats
    expect(await world.act('station', c.id, 'accept', world.who['st-a'])).toMatchObject({ ok: true })
    const report = await verify(c.id)
    expect(report).toMatchObject({ intact: true, events: 2, olderEvents: 1, findings: [] })
    expect(report.notes).toContain('前 1 条事件写于案件状态承诺和签名之前（较早的记录），只核对了哈希链')
  })

  it('when the signature of the last event is stripped, then it is not taken for an older event', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-strip')
    await db.updateTable('case_events').set({ mac: null }).where('case_id', '=', caseId).where('seq', '=', 3).execute()
    const report = await verify(caseId)
    expect(report).toMatchObject({ intact: false, olderEvents: 0 })
    expect(report.findings.map((f) => f.message)).toEqual(['第 3 条事件缺少签名（签名被去掉）'])
  })

  it('when the verification runs with another CHAIN_KEY, then it says the key is not the one the record was signed with', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-key')
    const report = await verify(caseId, { ...world.deps, chainSigner: hmacChainSigner(new Uint8Array(32).fill(6)) })
    expect(report.intact).toBe(false)
    expect(report.findings).toHaveLength(1)
    expect(report.findings[0]).toMatchObject({ code: 'wrong-key' })
    expect(report.findings[0].message).toMatch(
      /^CHAIN_KEY 与写入这些记录时所用的密钥不同（记录的密钥编号 [0-9a-f]{8}，当前 [0-9a-f]{8}），无法核对签名/,
    )
  })

  it('when an anchored line is edited in the file, then the verification says the anchor was changed', async () => {
    const caseId = await aCaseWithThreeEvents('shopper-anchor-file')
    const anchor = await anchorChainHeads(world.deps, null)
    if (!anchor) throw new Error('nothing anchored')
    const forged = { ...anchor, heads: anchor.heads.map((h) => (h.caseId === caseId ? { ...h, seq: 2 } : h)) }
    await world.deps.chainAnchors.append(forged) // a later line, as someone with the file but not the key would write it
    const report = await verify(caseId)
    expect(report.findings.map((f) => f.code)).toEqual(['anchor-tampered'])
    expect(report.findings[0].message).toMatch(/锚定的链头记录被改动，或用了另一把 CHAIN_KEY$/)
  })

  it('when the database raw row is read, then the event carries its state digest and a signature under the key id', async () => {
    const caseId = await world.file('shopper-raw')
    const rows = await sql<{
      state_digest: string
      mac: string
    }>`select state_digest, mac from case_events where case_id = ${caseId}`.execute(db)
    expect(rows.rows[0].state_digest).toMatch(/^s1;status=[0-9a-f]{16};description=[0-9a-f]{16};amount=/)
    expect(rows.rows[0].mac).toMatch(new RegExp(`^${world.deps.chainSigner.keyId}:[0-9a-f]{64}$`))
  })
})
