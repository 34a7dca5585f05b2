import type { Store } from '../../cloudfunctions/ports/store'
import { ExtractionSchema } from '../../src/domain/extract/extraction.schema'
import { callAs } from '../support/call-as'
import { makeDeps, openTestStore } from '../support/test-deps'

// consumer.extractText: the mini-program's extraction panel asks the cloud, because the extractor and the
// classifiers' weights cannot ride in WeChat's main package (docs/extract-model.md). The answer is the
// same extraction the H5 page computes in the browser, checked against the wire schema.
describe('consumer.extractText', () => {
  let store: Store
  let deps: ReturnType<typeof makeDeps>
  const extract = (text: unknown) => callAs(deps, 'consumer', { action: 'extractText', text }, { subject: 'shopper-x' })

  beforeAll(async () => {
    store = await openTestStore()
    deps = makeDeps(store)
  })
  afterAll(() => store.close())

  it('when a shopper says what happened, then the proposals come back in the extraction wire format', async () => {
    const answer = await extract('前天在这里买的牛奶过期了，花了二十八块五，要求退款。')
    if (!answer.ok) throw new Error(answer.error.code)
    const extraction = ExtractionSchema.parse(answer.data)
    expect(extraction.amountYuan?.value).toBe('28.5')
    expect(extraction.demands?.value).toEqual(['refund'])
  })

  it('when the text is empty or longer than a description may be, then a Chinese validation error names the field', async () => {
    expect(await extract('   ')).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    const long = await extract('买'.repeat(2001))
    expect(long).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } })
    expect(JSON.stringify(long)).toMatch(/text/)
  })
})
