import { cloudbaseStore } from '../../cloudfunctions/adapters/cloudbase-db/cloudbase-store'
import { consumerFunction } from '../../cloudfunctions/functions/consumer/handlers'
import { createCloudMain } from '../../cloudfunctions/runtime/cloud-main'
import { wxContext } from '../support/cloud-context'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../support/cloudbase-test-app'
import { seedTwoShops } from '../support/seed-shops'
import { makeDeps, TEST_VAULT } from '../support/test-deps'

const UNAVAILABLE = { ok: false, error: { code: 'SERVICE_UNAVAILABLE', message: '服务暂时中断，请稍等几秒后重试' } }

// A cloud function on the CloudBase document database when the database is busy or gone: CloudBase's
// own transient answers (a timeout inside the service, the concurrency quota) and a refused
// connection come back as the retryable SERVICE_UNAVAILABLE, never INTERNAL; the container stays
// usable, and the next call, once the database answers again, works.
describe('a cloud function when its document database is busy or unreachable', () => {
  let t: CloudbaseTestApp
  let main: ReturnType<typeof createCloudMain>
  beforeEach(async () => {
    jest.spyOn(console, 'error').mockImplementation(() => {})
    t = await startCloudbaseTestApp()
    const store = cloudbaseStore(t.db, TEST_VAULT)
    await seedTwoShops(store)
    main = createCloudMain(consumerFunction, async () => makeDeps(store))
  })
  afterEach(async () => {
    jest.restoreAllMocks()
    await t.close()
  })

  it.each(['DATABASE_TIMEOUT', 'EXCEED_CONCURRENT_REQUEST_LIMIT', 'SERVER_TIMEOUT'])(
    'when the database answers %s once, then that call is SERVICE_UNAVAILABLE and the next one works',
    async (code) => {
      t.loopback.db.faults.set('database.getDocument', { code, message: 'injected' })
      expect(await main({ action: 'listMyCases' }, wxContext('o-alice'))).toEqual(UNAVAILABLE)
      expect(await main({ action: 'listMyCases' }, wxContext('o-alice'))).toMatchObject({ ok: true })
    },
  )

  it('when the database is gone (connection refused), then every call is SERVICE_UNAVAILABLE and the process stays up', async () => {
    await t.loopback.close()
    expect(await main({ action: 'listMyCases' }, wxContext('o-alice'))).toEqual(UNAVAILABLE)
    expect(await main({ action: 'getMyCase', caseId: 'c-1' }, wxContext('o-alice'))).toEqual(UNAVAILABLE)
  })
})
