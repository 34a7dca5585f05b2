import type { BurstCase } from '../../../src/domain/similarity/burst'

// The burst tests' fixed world: hours from 2026-12-01 00:00 UTC, and a prepaid gym's complaints.
export const at = (h: number) => new Date(Date.UTC(2026, 11, 1, 0, 0) + h * 3_600_000).toISOString()

export const kase = (id: string, hour: number, over: Partial<BurstCase> = {}): BurstCase => ({
  id,
  siteId: 's1',
  kind: 'complaint',
  merchantId: 'gym',
  problemType: '预付式消费',
  description: '健身房关门了，预付卡余额退不了',
  product: '健身年卡',
  createdAt: at(hour),
  ...over,
})
