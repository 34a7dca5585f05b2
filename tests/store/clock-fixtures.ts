import type { Store } from '../../cloudfunctions/ports/store'
import type { Case, OutboxMessage } from '../../src/domain/case.schema'
import type { CaseClock } from '../../src/domain/clocks/case-clock'
import type { ClockId } from '../../src/domain/clocks/clock-rules'
import { aCase, aMerchant, aSite, aSubmittedEvent, unique } from '../support/builders'

// What the clock contracts (clock-store, clock-batch) build their cases from: minutes around one instant.
export const NOW = '2026-03-10T06:00:00.000Z'
export const at = (minutes: number) => new Date(Date.parse(NOW) + minutes * 60_000).toISOString()

/** A running clock whose next check is `checkIn` minutes from NOW. */
export const aClock = (c: Case, clockId: ClockId, checkIn: number, over: Partial<CaseClock> = {}): CaseClock => ({
  caseId: c.id,
  clockId,
  startedAt: at(checkIn - 60),
  dueAt: at(checkIn + 60),
  remindAt: at(checkIn),
  urgeAt: at(checkIn + 30),
  explanation: `${clockId} 说明`,
  provisional: false,
  stage: 'running',
  nextCheckAt: at(checkIn),
  stoppedAt: null,
  ...over,
})

/** The reminder the tick queues when it moves a clock on. */
export const anAlert = (clock: CaseClock, stage: CaseClock['stage']): OutboxMessage => ({
  id: unique('alert'),
  caseId: clock.caseId,
  eventId: `clock:${clock.caseId}:${clock.clockId}:${clock.startedAt}:${stage}`,
  recipient: { role: 'station', id: 'site' },
  template: `clock.${clock.clockId}.${stage}`,
  createdAt: NOW,
})

/** A shop, and a way to file its cases with the clocks they start. */
export async function seedClockShop(store: Store) {
  const site = aSite()
  const merchant = aMerchant(site)
  await store.saveSite(site)
  await store.saveMerchant(merchant)
  const file = async (clocks: (c: Case) => CaseClock[], over: Partial<Case> = {}) => {
    const c = aCase(merchant, over)
    await store.createCase(c, aSubmittedEvent(c), [], { ids: [], uploadedBy: c.filedBy }, clocks(c))
    return c
  }
  return { site, merchant, file }
}

export const keyOf = (k: Pick<CaseClock, 'caseId' | 'clockId'>) => `${k.caseId}/${k.clockId}`
export const byKey = (a: CaseClock, b: CaseClock) => keyOf(a).localeCompare(keyOf(b))
