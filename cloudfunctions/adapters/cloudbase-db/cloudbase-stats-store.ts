import { z } from 'zod'
import { atGrain, countersAsked } from '../../../src/domain/metrics/cube-grain'
import { addCounters, isZero } from '../../../src/domain/metrics/counters'
import { CUBES, cubeRowKey, statsDelta, type CaseContribution, type CubeRow, type CubeSpec } from '../../../src/domain/metrics/cubes'
import { DIMENSIONS, type Dimension } from '../../../src/domain/metrics/dimensions'
import { cubeToRead } from '../../../src/domain/metrics/site-less-cubes'
import type { FilerRow } from '../../../src/domain/metrics/rollup'
import type { CubeQuery, StatsStore } from '../../ports/stats-store'
import { countersFrom, CubeIdSchema, parseContribution } from '../stats-rows'
import { COLLECTIONS } from './collection-names'
import { digestId } from './doc-codec'
import { ok, type DocDb, type DocTransaction } from './doc-db'
import { readAll, readDoc, readPage, type Doc } from './doc-reads'
import { cloudbaseStatsRanking } from './cloudbase-stats-ranking'
import { newMark } from './stats-marks'
import { siteLessReadiness } from './stats-site-less-ready'
import { siteLessCubesUpgrade } from './stats-site-less-upgrade'
import { tagCubeUpgrade } from './stats-tag-upgrade'
import {
  applyRepeatCountersIn,
  cloudbaseRepeatCounters,
  countedInRepeats,
  REPEATS_FLAG,
  repeatCountersUpgrade,
} from './cloudbase-stats-repeat-counters'
import { withRepeatCounters } from '../stats-repeat-counters'
import { transact } from './transact'

// The statistics' read model on the document database (ports/stats-store.ts; the SQL store is
// sql-stats-store.ts). A cube row is one document, _id = a digest of its key, so the refresh reads and
// writes it by _id inside ONE runTransaction with the case's stored contribution and its mark: a rival
// refresh of a row conflicts and transact() runs the loser again on what the winner wrote. A
// transaction accepts only single-document operations, so each row is read and then set whole (or
// removed when it came to nothing) — `_.inc` would need an upsert, which an update inside a
// transaction cannot do. sumCube sums in the database: one aggregation ($match on the cube, its
// sites and days — index cube_site_day or cube_day — then $group by day, the chosen dimensions and slot).

const WATERMARK = 'watermark'
/** Groups per aggregation page (CloudBase answers a few by default: every page asks for its size) */
const GROUP_PAGE = 1000

const DimsSchema = z.object({
  site: z.string(),
  merchant: z.string(),
  industry: z.string(),
  problemType: z.string(),
  channel: z.string(),
  kind: z.string(),
})
const PendingSchema = z.object({ _id: z.string(), markedAt: z.string() })
const FilerDocSchema = DimsSchema.extend({ day: z.string(), filerKey: z.string(), cases: z.number() })
const GroupSchema = z
  .object({ _id: z.object({ day: z.string(), slot: z.string() }).and(z.record(z.string(), z.unknown())) })
  .and(z.record(z.string(), z.unknown()))
const SavedSchema = z.object({
  _id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  spec: z.record(z.string(), z.unknown()),
  savedAt: z.string(),
})
const ContributionDocSchema = z.object({ contribution: z.unknown() })

const filerId = (f: Pick<FilerRow, 'day' | 'dims' | 'filerKey'>) => digestId(f.day, ...DIMENSIONS.map((d) => f.dims[d]), f.filerKey)

/** One cube row's document: added to what is stored (read through tx), removed when it came to nothing. */
async function addRow(tx: DocTransaction, delta: CubeRow) {
  const ref = tx.collection(COLLECTIONS.statsCube).doc(digestId(cubeRowKey(delta)))
  const stored = await readDoc(ref)
  const counters = stored
    ? addCounters(
        countersFrom((n) => stored[n]),
        delta,
      )
    : countersFrom((n) => delta[n])
  if (isZero(counters)) {
    if (stored) ok(await ref.remove())
    return
  }
  const { cube, day, slot, site, merchant, industry, problemType, channel, kind } = delta
  // `tag` only on month_tag's documents: every other cube's documents keep their fields and ids
  const tag = delta.tag ? { tag: delta.tag } : {}
  ok(await ref.set({ cube, day, slot, ...tag, site, merchant, industry, problemType, channel, kind, ...counters }))
}

async function addFiler(tx: DocTransaction, delta: FilerRow) {
  const ref = tx.collection(COLLECTIONS.statsFilers).doc(filerId(delta))
  const stored = await readDoc(ref)
  const cases = (stored ? FilerDocSchema.parse(stored).cases : 0) + delta.cases
  if (cases === 0) {
    if (stored) ok(await ref.remove())
    return
  }
  ok(await ref.set({ day: delta.day, ...delta.dims, filerKey: delta.filerKey, cases }))
}

export function cloudbaseStatsStore(db: DocDb): StatsStore {
  const _ = db.command
  const upgradeSiteLess = siteLessCubesUpgrade(db)
  const upgradeTagCube = tagCubeUpgrade(db)
  const readiness = siteLessReadiness(db, upgradeSiteLess) // the regulator reads the twins only once they hold every case
  const upgradeRepeats = repeatCountersUpgrade(db)
  const repeatCounters = cloudbaseRepeatCounters(db, upgradeRepeats) // read once every case is in their tallies
  const matchOf = (q: Omit<CubeQuery, 'cube' | 'by'>): Record<string, unknown> => {
    const match: Record<string, unknown> = { day: _.gte(q.from).and(_.lte(q.to)) }
    if (q.sites !== null) match.site = q.sites.length === 1 ? q.sites[0] : _.in([...q.sites])
    for (const d of DIMENSIONS) if (q.where?.[d] !== undefined) match[d] = q.where[d]
    return match
  }

  const ranking = cloudbaseStatsRanking(db, matchOf, readiness.twinsReady)
  return {
    ...ranking,
    // whole calendar months, quarters and years from their counters; other ranges tallied (stats-repeat-counters.ts)
    countRepeats: withRepeatCounters(ranking.countRepeats, repeatCounters),

    async sumCube(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const kept = (d: Dimension) => q.by.includes(d)
      const key: Record<string, string> = { day: '$day', slot: '$slot' }
      const spec: CubeSpec = CUBES[q.cube]
      const tagged = spec.tags === true
      if (tagged) key.tag = '$tag'
      for (const d of DIMENSIONS) if (kept(d)) key[d] = `$${d}`
      const sums = Object.fromEntries(countersAsked(q.counters).map((n) => [n, { $sum: `$${n}` }])) // only those asked
      const cube = cubeToRead(q.cube, q, await readiness.twinsReady(q))
      const rows: CubeRow[] = []
      for (;;) {
        const res = ok(
          await db
            .collection(COLLECTIONS.statsCube)
            .aggregate()
            .match({ cube, ...matchOf(q), ...(q.tag === undefined ? {} : { tag: q.tag }) })
            .group({ _id: key, ...sums })
            .sort({ _id: 1 })
            .skip(rows.length)
            .limit(GROUP_PAGE)
            .end(),
        ) as { data?: unknown[] }
        const page = (res.data ?? []).map((raw) => {
          const g = GroupSchema.parse(raw)
          const dim = (d: Dimension) => (kept(d) ? String(g._id[d]) : '')
          return {
            cube: CubeIdSchema.parse(q.cube),
            day: g._id.day,
            slot: g._id.slot,
            ...(tagged ? { tag: String(g._id.tag) } : {}),
            site: dim('site'),
            merchant: dim('merchant'),
            industry: dim('industry'),
            problemType: dim('problemType'),
            channel: dim('channel'),
            kind: dim('kind'),
            ...countersFrom((n) => g[n]),
          }
        })
        rows.push(...page)
        if (page.length < GROUP_PAGE) break
      }
      // a coarser grain: the per-day groups summed here (cube-grain.ts), not in the aggregation — the same answer
      if (q.grain !== undefined && q.grain !== 'day') return atGrain(rows, q.grain, q.from, q.counters)
      return rows.sort((a, b) => (a.day === b.day ? (a.slot < b.slot ? -1 : a.slot > b.slot ? 1 : 0) : a.day < b.day ? -1 : 1))
    },

    async listFilerRows(q) {
      if (q.sites !== null && q.sites.length === 0) return []
      const docs = await readAll(db.collection(COLLECTIONS.statsFilers).where(matchOf(q)).orderBy('day', 'asc').orderBy('_id', 'asc'))
      return docs.map((doc) => {
        const f = FilerDocSchema.parse(doc)
        const { day, filerKey, cases, ...dims } = f
        return { day, dims, filerKey, cases }
      })
    },

    async listStatsPending(limit) {
      const page = () => readPage(db.collection(COLLECTIONS.statsPending).where({}).orderBy('markedAt', 'asc').orderBy('_id', 'asc'), limit)
      let docs = await page()
      // once per deployment, one bounded page per call (stats-upgrade-cursor.ts), and only while the queue is
      // short: the re-marks carry the time they are made, so marks made while filings wait would queue those
      // filings behind the whole upgrade. The cases counted before the site-less cubes (stats-site-less-upgrade.ts),
      // those tagged before the tag cube (stats-tag-upgrade.ts), every case with a filer before the repeat
      // counters (cloudbase-stats-repeat-counters.ts).
      if (docs.length < limit) {
        let marked = 0
        for (const upgrade of [upgradeSiteLess, upgradeTagCube, upgradeRepeats]) marked += await upgrade.step()
        if (marked > 0) docs = await page()
      }
      return docs.map((doc) => {
        const p = PendingSchema.parse(doc)
        return { caseId: p._id, markedAt: p.markedAt }
      })
    },

    refreshCaseStats: (pending, next) =>
      transact(db, async (tx) => {
        const own = tx.collection(COLLECTIONS.statsContributions).doc(pending.caseId)
        const stored = await readDoc(own)
        const before: CaseContribution | null = stored ? parseContribution(ContributionDocSchema.parse(stored).contribution) : null
        const { rows, filers } = statsDelta(before, next)
        for (const row of rows) await addRow(tx, row)
        for (const f of filers) await addFiler(tx, f)
        // the stored filer rows come out of the repeat tallies only if they were put in (REPEATS_FLAG)
        await applyRepeatCountersIn(tx, countedInRepeats(stored) ? filers : statsDelta(null, next).filers)
        if (next) ok(await own.set({ contribution: next, [REPEATS_FLAG]: true }))
        else if (stored) ok(await own.remove())
        // read through the transaction: a write marking the case meanwhile conflicts, or leaves its newer mark
        const mark = tx.collection(COLLECTIONS.statsPending).doc(pending.caseId)
        const current = await readDoc(mark)
        if (current && PendingSchema.parse(current).markedAt === pending.markedAt) ok(await mark.remove())
      }),

    async statsWatermark() {
      const doc = await readDoc(db.collection(COLLECTIONS.statsMeta).doc(WATERMARK))
      return doc ? z.object({ at: z.string() }).parse(doc).at : null
    },

    async setStatsWatermark(at) {
      // an empty queue is not "exact as of `at`" while an upgrade has cases left to mark: the watermark waits for it
      if ((await upgradeSiteLess.underWay()) || (await upgradeTagCube.underWay()) || (await upgradeRepeats.underWay())) return
      ok(
        await db
          .collection(COLLECTIONS.statsMeta)
          .doc(WATERMARK)
          .set({ at: new Date(at).toISOString() }),
      )
      await readiness.noteDrained() // the pass that empties the queue after the upgrade's last marks: the twins are whole
      await repeatCounters.noteDrained() // … and the repeat counters
    },

    async clearStats() {
      // collection by collection, a page of ids at a time (a where().remove() of everything is one call per page)
      for (const name of [
        COLLECTIONS.statsCube,
        COLLECTIONS.statsFilers,
        COLLECTIONS.statsRepeats,
        COLLECTIONS.statsContributions,
        COLLECTIONS.statsPending,
      ]) {
        for (;;) {
          const page: Doc[] = await readPage(db.collection(name).where({}).field({ _id: true }).orderBy('_id', 'asc'), 1000)
          if (page.length === 0) break
          ok(
            await db
              .collection(name)
              .where({ _id: _.in(page.map((d) => d._id)) })
              .remove(),
          )
        }
      }
      ok(await db.collection(COLLECTIONS.statsMeta).where({ _id: WATERMARK }).remove())
    },

    // the mark is this store's own instant, as every case write's (not `at`): marks must order and differ
    async markStatsPending(caseIds) {
      for (const id of new Set(caseIds)) ok(await db.collection(COLLECTIONS.statsPending).doc(id).set({ markedAt: newMark() }))
    },

    async saveStatsQuery(q) {
      const ref = db.collection(COLLECTIONS.statsQueries).doc(q.id)
      const stored = await readDoc(ref)
      if (stored && SavedSchema.parse(stored).ownerId !== q.ownerId) return // someone else's id: left as it is
      ok(await ref.set({ ownerId: q.ownerId, name: q.name, spec: q.spec, savedAt: new Date(q.savedAt).toISOString() }))
    },

    async listStatsQueries(ownerId) {
      const docs = await readAll(db.collection(COLLECTIONS.statsQueries).where({ ownerId }).orderBy('name', 'asc').orderBy('_id', 'asc'))
      return docs.map((doc) => {
        const s = SavedSchema.parse(doc)
        return { id: s._id, ownerId: s.ownerId, name: s.name, spec: s.spec, savedAt: s.savedAt }
      })
    },

    async deleteStatsQuery(ownerId, id) {
      const res = ok(await db.collection(COLLECTIONS.statsQueries).where({ _id: id, ownerId }).remove()) as { deleted?: number | string }
      return Number(res.deleted ?? 0) > 0
    },
  }
}
