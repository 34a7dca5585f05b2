import type { ActionOutput } from '../../../domain/api/contract'

export type ListedMerchant = ActionOutput<'registry', 'listMerchants'>['items'][number]

export const SIGNED_FILTERS = ['全部商户', '已签双承诺', '未签双承诺'] as const
export type SignedFilter = (typeof SIGNED_FILTERS)[number]

/** Staff search by what they see or hear: the name, the booth, the QR code, the credit code. */
export function filterMerchants(items: readonly ListedMerchant[], query: string, signed: SignedFilter): ListedMerchant[] {
  const q = query.trim().toUpperCase()
  return items.filter((m) => {
    if (signed === '已签双承诺' && !m.doubleCommitmentSigned) return false
    if (signed === '未签双承诺' && m.doubleCommitmentSigned) return false
    if (!q) return true
    return [m.name, m.booth, m.code, m.uscc].some((text) => text.toUpperCase().includes(q))
  })
}
