import type { GroupRobot } from '../../cloudfunctions/ports/group-robot'
import type { NotifyChannels } from '../../cloudfunctions/ports/notify-channels'
import { dispatchOutbox } from '../../cloudfunctions/services/notify/dispatch-outbox'
import type { NotificationContact } from '../../src/domain/notify/contact.schema'
import { unique } from '../support/builders'
import { SITE_A } from '../support/seed-shops'
import { openWorkflowWorld } from '../support/workflow-world'

const T0 = new Date('2026-03-10T02:00:00Z')
const LEASE_MS = 1_000

/** A gate a fake provider call waits at until the test opens it. */
function gate() {
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

// Two dispatchers and one slow provider (issue 12, several hosts): dispatcher A holds an escalation
// and stalls in a WeCom call past its lease; B claims the row and sends. When A wakes up, the lease
// it held is gone — it must not go on to post the row's next message, which B is posting.
describe('outbox leases are renewed before every send', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld(T0)
    for (const key of ['group-one-key', 'group-two-key']) {
      const contact: NotificationContact = {
        id: unique('contact'),
        scope: { kind: 'site', siteId: SITE_A.id },
        label: key,
        roles: ['station'],
        events: ['escalation'],
        channel: 'wecom',
        target: key,
        updatedBy: 'st-a',
        updatedAt: T0.toISOString(),
      }
      const change = { id: unique('chg'), contactId: contact.id, scope: contact.scope, change: 'saved' as const }
      await world.store.saveContact(contact, { ...change, by: { role: 'station', id: 'st-a' }, at: T0.toISOString() })
    }
  })
  afterAll(() => world.store.close())

  it('when a stalled dispatcher wakes after another took its row over, then it posts nothing more of that row', async () => {
    // the shop was silent past its 45 minutes: filed 50 minutes before T0, escalated by the clock at T0
    world.deps.clock.set(new Date(T0.getTime() - 50 * 60_000))
    const caseId = await world.file(unique('shopper'))
    for (const step of ['accept', 'dispatch']) await world.act('station', caseId, step, world.who['st-a'])
    world.deps.clock.set(T0)
    await world.act('station', caseId, 'escalate', world.who['st-a'], '商家未响应')

    const posts: { by: string; key: string }[] = []
    const aStalls = gate()
    const aEntered = gate()
    const bStalls = gate()
    const bEntered = gate()
    const robot = (by: 'A' | 'B'): GroupRobot => ({
      async sendMarkdown(key) {
        // only escalations have a contact here, so every post is one
        posts.push({ by, key })
        // A stalls in its first post; B stalls in its second — the one A would otherwise post too
        if (by === 'A' && posts.filter((p) => p.by === 'A').length === 1) {
          aEntered.open()
          await aStalls.opened
        }
        if (by === 'B' && key === 'group-two-key') {
          bEntered.open()
          await bStalls.opened
        }
        return { ok: true }
      },
    })
    const channels = (by: 'A' | 'B'): NotifyChannels => ({ groupRobot: robot(by) })

    const a = dispatchOutbox(world.deps, channels('A'), new Date(T0.getTime() + 60_000), { leaseMs: LEASE_MS })
    await aEntered.opened
    // A's lease has run out by B's clock: B claims the row and posts
    const b = dispatchOutbox(world.deps, channels('B'), new Date(T0.getTime() + 70_000), { leaseMs: LEASE_MS })
    await bEntered.opened
    aStalls.open()
    await a
    bStalls.open()
    await b

    const toGroupTwo = posts.filter((p) => p.key === 'group-two-key')
    expect(toGroupTwo).toEqual([{ by: 'B', key: 'group-two-key' }]) // once, by the dispatcher that held the row
    // the one message in flight when the lease ran out may go twice: that is the window left
    expect(posts.filter((p) => p.key === 'group-one-key').map((p) => p.by)).toEqual(['A', 'B'])
  })
})
