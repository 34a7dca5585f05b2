import { connectSql, migrateToLatest } from '../../cloudfunctions/adapters/sql/connect'
import { sqlStore } from '../../cloudfunctions/adapters/sql/sql-store'
import { consumerFunction } from '../../cloudfunctions/functions/consumer/handlers'
import { createCloudMain } from '../../cloudfunctions/runtime/cloud-main'
import { wxContext } from '../support/cloud-context'
import { makeDeps, TEST_VAULT } from '../support/test-deps'
import { freePort } from './fault-support'

const UNAVAILABLE = { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时中断，请稍等几秒后重试' } }

// A cloud function whose PostgreSQL cannot be reached — a port nobody listens on, so the driver's
// real ECONNREFUSED (or, for a name with two addresses, its AggregateError) — answers the same
// retryable code the host answers with 503, in the function result, instead of INTERNAL or a throw.
describe('a cloud function when its database is unreachable', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => {}))
  afterEach(() => jest.restoreAllMocks())

  it.each(['127.0.0.1', 'localhost'])(
    'when the database at %s refuses at cold start, then the result is SERVICE_UNAVAILABLE',
    async (host) => {
      const url = `postgres://postgres@${host}:${await freePort()}/kuaisu`
      const main = createCloudMain(consumerFunction, async () => {
        const db = await connectSql({ kind: 'postgres', url })
        try {
          await migrateToLatest(db) // cloud-deps.ts migrates on the first call of a container
        } finally {
          await db.destroy()
        }
        throw new Error('unreachable: the migration above must fail')
      })
      expect(await main({ action: 'getMerchantEntry', code: 'WDXG26' }, wxContext('o-alice'))).toEqual(UNAVAILABLE)
    },
  )

  it('when a warm container loses its database, then resolving the caller and every action answer SERVICE_UNAVAILABLE', async () => {
    const db = await connectSql({ kind: 'postgres', url: `postgres://postgres@127.0.0.1:${await freePort()}/kuaisu` })
    const deps = makeDeps(sqlStore(db, TEST_VAULT))
    const main = createCloudMain(consumerFunction, async () => deps)
    expect(await main({ action: 'getMerchantEntry', code: 'WDXG26' }, wxContext('o-alice'))).toEqual(UNAVAILABLE)
    expect(await main({ action: 'listMyCases' }, wxContext('o-alice'))).toEqual(UNAVAILABLE)
    await db.destroy()
  })
})
