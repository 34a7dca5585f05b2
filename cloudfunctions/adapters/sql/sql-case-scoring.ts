import type { Kysely, Selectable } from 'kysely'
import { ScoringCaseSchema, type ScoringCase } from '../../../src/domain/similarity/scoring-case'
import type { CaseScoringStore } from '../../ports/case-scoring-store'
import type { CasesTable, Database } from './database'

// The scoring reads (ports/case-scoring-store.ts): the listed columns only, never complainant_sealed or
// query_code_sealed, so no vault is needed and nothing is decrypted. The indexes of the case lists serve
// them (site_id/merchant_id + created_at, created_at).
const COLUMNS = [
  'id',
  'case_no',
  'kind',
  'status',
  'site_id',
  'merchant_id',
  'merchant_name',
  'problem_type',
  'product',
  'description',
  'outcome',
  'amount_fen',
  'created_at',
  'updated_at',
] as const

type ScoringRow = Pick<Selectable<CasesTable>, (typeof COLUMNS)[number]>
const iso = (value: Date | string) => new Date(value).toISOString()

const toScoring = (r: ScoringRow): ScoringCase =>
  ScoringCaseSchema.parse({
    id: r.id,
    caseNo: r.case_no,
    kind: r.kind,
    status: r.status,
    siteId: r.site_id,
    merchantId: r.merchant_id,
    merchantName: r.merchant_name,
    problemType: r.problem_type,
    product: r.product,
    description: r.description,
    outcome: r.outcome,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  })

export function sqlCaseScoring(db: Kysely<Database>): CaseScoringStore {
  const cases = () => db.selectFrom('cases').select(COLUMNS)
  return {
    async listScoringCasesForSite(siteId, limit, since) {
      const rows = await cases()
        .where('site_id', '=', siteId)
        .$if(since !== undefined, (q) => q.where('created_at', '>=', new Date(since ?? 0)))
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(toScoring)
    },

    async listScoringComplaintsForMerchant(merchantId, limit) {
      const rows = await cases()
        .where('merchant_id', '=', merchantId)
        .where('kind', '=', 'complaint')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute()
      return rows.map(toScoring)
    },

    async listScoringCasesFiledAfter(after, page) {
      const rows = await cases()
        .where('created_at', '>', new Date(after))
        .orderBy('created_at')
        .orderBy('id')
        .limit(page.limit)
        .offset(page.offset)
        .execute()
      return rows.map(toScoring)
    },

    async countComplaintsAgainst(merchantId, from, to) {
      const r = await db
        .selectFrom('cases')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('merchant_id', '=', merchantId)
        .where('kind', '=', 'complaint')
        .where('created_at', '>=', new Date(from))
        .where('created_at', '<', new Date(to))
        .executeTakeFirstOrThrow()
      return Number(r.n)
    },
  }
}
