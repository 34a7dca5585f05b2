import { aMerchant, aSubmission, unique } from '../support/builders'
import { callAs } from '../support/call-as'
import { SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

// A retried filing answers with the first receipt, next step included: the shop signing (or dropping)
// the double commitment in between changes where new cases go, not what an earlier filing was told.
describe('a retried filing keeps its first next step', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  const fileTwice = async (signedAtFirst: boolean) => {
    const shop = aMerchant(SITE_A, { id: unique('shop'), doubleCommitmentSigned: signedAtFirst, responseMinutes: 45, onSiteMinutes: 90 })
    await world.store.saveMerchant(shop)
    const draft = aSubmission(shop.code, { idempotencyKey: unique('retry').padEnd(16, '0') })
    const subject = unique('shopper')
    const first = await callAs(world.deps, 'consumer', draft, { subject })
    await world.store.saveMerchant({ ...shop, doubleCommitmentSigned: !signedAtFirst })
    const retry = await callAs(world.deps, 'consumer', draft, { subject })
    return { first, retry }
  }

  it('when the shop signs after the first filing, then the retry gets the same receipt as the first', async () => {
    const { first, retry } = await fileTwice(false)
    expect(first.ok && first.data.nextStep).not.toMatch(/商家承诺/)
    expect(retry).toEqual(first)
  })

  it('when a signed shop withdraws after the first filing, then the retry still says the shop has it', async () => {
    const { first, retry } = await fileTwice(true)
    expect(first.ok && first.data.nextStep).toMatch(/商家承诺 45 分钟/)
    expect(retry).toEqual(first)
  })
})
