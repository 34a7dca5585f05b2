import type { Case } from '../case.schema'
import { canonical } from './event-chain'

// Each event commits to the case row it leaves behind, so an edit of the row (status, amount,
// description…) that no event explains shows. The fields are grouped so a verification can say WHICH
// part of the row no longer matches. Each group's digest is keyed (a MAC under CHAIN_KEY, passed in):
// the complainant's name and phone are in it, and an unkeyed hash of a phone number is guessable.
// Not covered: the case number (drawn by the store inside the write, after the event is made) and the
// idempotency key and request digest (plumbing of the submit retry, not the case's content).
export const STATE_GROUPS = {
  status: {
    label: '状态',
    fields: ['status', 'outcome', 'completionKind', 'onSitePending', 'extended', 'answerKind', 'rated', 'satisfaction', 'reopenCount'],
  },
  description: { label: '描述', fields: ['description', 'product', 'problemType', 'industry', 'purchaseTime'] },
  amount: { label: '金额', fields: ['amountFen'] },
  demands: { label: '诉求', fields: ['demands'] },
  parties: { label: '类别与商户', fields: ['kind', 'siteId', 'merchantId', 'merchantName'] },
  complainant: { label: '投诉人信息', fields: ['complainant', 'sharePhoneWithMerchant', 'consent', 'channel', 'filedBy', 'queryCode'] },
  version: { label: '版本与时间', fields: ['version', 'createdAt', 'updatedAt'] },
} as const satisfies Record<string, { label: string; fields: readonly (keyof Case)[] }>

type Group = keyof typeof STATE_GROUPS
const GROUPS = Object.keys(STATE_GROUPS) as Group[]
const VERSION = 's1'
const DIGEST_HEX = 16 // 64 bits of a MAC: enough to show an edit by someone who does not hold the key

/** The case as far as a state digest looks at it (what the store hands back and what a step writes). */
export type CaseState = Omit<Case, 'caseNo' | 'idempotencyKey' | 'requestDigest'>

/** Instants compare by the moment, not by how they were written ("+08:00" vs "Z"). */
const instant = (v: string) => new Date(v).toISOString()

function groupText(c: CaseState, group: Group): string {
  const values: Record<string, unknown> = {}
  for (const field of STATE_GROUPS[group].fields) values[field] = c[field]
  if (group === 'version') Object.assign(values, { createdAt: instant(c.createdAt), updatedAt: instant(c.updatedAt) })
  if (group === 'complainant') values.consent = { ...c.consent, at: instant(c.consent.at) }
  return JSON.stringify(['ks-case-state', VERSION, c.id, group, canonical(values)])
}

/** "s1;status=…;description=…;…": what an event stores as its stateDigest (and its hash covers). */
export function caseStateDigest(c: CaseState, mac: (text: string) => string): string {
  return [VERSION, ...GROUPS.map((g) => `${g}=${mac(groupText(c, g)).slice(0, DIGEST_HEX)}`)].join(';')
}

/**
 * The groups whose digest no longer matches the case row, by their Chinese label; null when the
 * stored digest cannot be read (written by a later version, or mangled — itself a finding).
 */
export function stateMismatches(stored: string, c: CaseState, mac: (text: string) => string): string[] | null {
  const [version, ...parts] = stored.split(';')
  if (version !== VERSION) return null
  const digests = new Map(parts.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const))
  if (GROUPS.some((g) => !digests.has(g))) return null
  return GROUPS.filter((g) => digests.get(g) !== mac(groupText(c, g)).slice(0, DIGEST_HEX)).map((g) => STATE_GROUPS[g].label)
}
