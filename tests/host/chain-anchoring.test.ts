import { mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileChainAnchors, logChainAnchors } from '../../cloudfunctions/adapters/chain/file-chain-anchors'
import { CHAIN_HEADS_FILE, startChainAnchoring } from '../../cloudfunctions/host/chain-anchor-job'
import { anchorChainHeads, isCloudAnchorMinute } from '../../cloudfunctions/services/chain-anchor'
import { anchorIsSealed, HeadAnchorSchema } from '../../src/domain/workflow/chain-signature'
import { openWorkflowWorld } from '../support/workflow-world'

// The daily head of every case's chain, written outside the database (issue 12): to an append-only
// file in the data directory, readable by no one else, and to the log.
describe('anchoring the chain heads', () => {
  let world: Awaited<ReturnType<typeof openWorkflowWorld>>
  beforeAll(async () => {
    world = await openWorkflowWorld()
  })
  afterAll(() => world.store.close())

  it('when the host job runs, then each case head is appended to chain-heads.log (mode 0600), sealed with the key, and logged', async () => {
    const first = await world.file('anchor-shopper-1')
    const second = await world.file('anchor-shopper-2')
    await world.act('station', second, 'accept', world.who['st-a'])
    const path = join(mkdtempSync(join(tmpdir(), 'kuaisu-anchor-')), CHAIN_HEADS_FILE)
    const deps = { ...world.deps, chainAnchors: fileChainAnchors(path) }
    const logged: string[] = []
    let ran: () => void = () => {}
    const firstRun = new Promise<void>((resolve) => (ran = resolve))
    const job = startChainAnchoring(
      deps,
      (line) => logged.push(line),
      (err) => {
        throw err
      },
      { onRun: () => ran() },
    )
    await firstRun
    await job.stop()

    expect(statSync(path).mode & 0o777).toBe(0o600)
    const lines = readFileSync(path, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(1)
    const anchor = HeadAnchorSchema.parse(JSON.parse(lines[0]))
    expect(anchorIsSealed(deps.chainSigner, anchor)).toBe(true)
    const heads = new Map(anchor.heads.map((h) => [h.caseId, h]))
    expect(heads.get(first)).toMatchObject({ seq: 1 })
    expect(heads.get(second)).toMatchObject({ seq: 2, hash: (await world.store.listEvents(second))[1].hash })
    expect(logged).toHaveLength(1)
    expect(logged[0]).toContain(`to ${path}: ${lines[0]}`)
  })

  it('when anchored again, then only the cases that moved since are written, on a new line after the first', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kuaisu-anchor-')), CHAIN_HEADS_FILE)
    const deps = { ...world.deps, chainAnchors: fileChainAnchors(path) }
    const still = await world.file('anchor-shopper-3')
    const moving = await world.file('anchor-shopper-4')
    await anchorChainHeads(deps, null)
    world.deps.clock.advance(60 * 60 * 1000)
    const since = world.deps.clock.now().toISOString()
    await world.act('station', moving, 'accept', world.who['st-a'])
    const later = await anchorChainHeads(deps, since)

    expect(later?.heads.map((h) => h.caseId)).toEqual([moving])
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2)
    expect((await deps.chainAnchors.latestWith(still))?.heads.some((h) => h.caseId === still)).toBe(true)
    expect((await deps.chainAnchors.latestWith(moving))?.heads).toEqual([expect.objectContaining({ caseId: moving, seq: 2 })])
  })

  it('when in CloudBase (no disk), then the heads go to the log only, once a day at 03:00 Beijing time, and nothing can be read back', async () => {
    const logged: string[] = []
    const deps = { ...world.deps, chainAnchors: logChainAnchors((line) => logged.push(line)) }
    const c = await world.file('anchor-shopper-5')
    const anchor = await anchorChainHeads(deps, null)
    expect(logged).toEqual([`chain heads anchored: ${JSON.stringify(anchor)}`])
    expect(await deps.chainAnchors.latestWith(c)).toBeNull()
    expect([isCloudAnchorMinute(new Date('2026-03-10T19:00:30Z')), isCloudAnchorMinute(new Date('2026-03-10T19:01:00Z'))]).toEqual([
      true,
      false,
    ])
  })
})
