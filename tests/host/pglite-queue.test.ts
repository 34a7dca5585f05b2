import { fifoLease } from '../../cloudfunctions/adapters/sql/pglite-queue'
import type { Store } from '../../cloudfunctions/ports/store'
import { openTestStore } from '../support/test-deps'

// PGlite's one connection (adapters/sql/pglite-queue.ts): handed to waiters in the order they came,
// and never so fast that the event loop cannot read a request or send a response between two of them.
describe('PGlite queue — first come, first served, the event loop turning between holders', () => {
  let store: Store
  beforeAll(async () => {
    store = await openTestStore()
  })
  afterAll(() => store.close())

  it('when fifty reads wait for the connection, then the event loop turns before the last of them has run', async () => {
    let done = 0
    const reads = Array.from({ length: 50 }, async (_, i) => {
      await store.listActiveMembershipsOf(`queue-${i}`)
      done++
    })
    const atFirstTurn = await new Promise<number>((resolve) => setImmediate(() => resolve(done)))
    await Promise.all(reads)
    expect(done).toBe(50)
    expect(atFirstTurn).toBeLessThan(50) // a queue drained through promises alone would have run all fifty first
  })

  it('when waiters queue, then they get the connection in the order they asked for it', async () => {
    const order: number[] = []
    await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        await store.listActiveMembershipsOf(`order-${i}`)
        order.push(i)
      }),
    )
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
  })

  it('when a statement fails, then the connection still goes on to the next waiter', async () => {
    const at = '2026-03-10T02:00:00.000Z'
    await store.issueDeviceToken('queue-dup', 'queue-subject', at)
    const [duplicate, after] = await Promise.allSettled([
      store.issueDeviceToken('queue-dup', 'queue-subject', at), // the primary key is taken
      store.findDeviceToken('queue-dup'),
    ])
    expect(duplicate.status).toBe('rejected')
    expect(after).toEqual({ status: 'fulfilled', value: { subject: 'queue-subject', retiredAt: null, retiredFor: null } })
  })

  it('when the connection is being handed over, then someone arriving meanwhile waits behind the one it goes to', async () => {
    const pending: (() => void)[] = []
    const lease = fifoLease((next) => pending.push(next)) // hand-overs run when the test says
    const got: string[] = []
    await lease.acquire()
    const second = lease.acquire().then(() => got.push('second'))
    lease.release() // handed to the second, not yet run
    const third = lease.acquire().then(() => got.push('third'))
    pending.shift()?.()
    await second
    expect(got).toEqual(['second'])
    lease.release()
    pending.shift()?.()
    await third
    expect(got).toEqual(['second', 'third'])
    lease.release()
    expect(lease.waiting).toBe(0)
  })
})
