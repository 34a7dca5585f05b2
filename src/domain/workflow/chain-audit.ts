import { z } from 'zod'
import type { CaseEvent } from '../case.schema'
import { stateMismatches, type CaseState } from './case-state-digest'
import { anchorIsSealed, checkEventSignature, keyIdOf, type ChainKey, type HeadAnchor } from './chain-signature'
import { eventHashInput, GENESIS_HASH } from './event-chain'

// The whole check of one case's record, said in Chinese for the station and for `npm run verify:chain`:
// the hash chain (edits that were not covered up), the signatures (edits covered up by recomputing
// the hashes), the case row against the last event's state digest (edits of the row itself), and
// the last anchored head (a deleted tail, or a chain recomputed after it was anchored).

export const FINDING_CODES = [
  'sequence',
  'hash',
  'link',
  'signature',
  'unsigned',
  'other-key',
  'wrong-key',
  'state',
  'deleted-tail',
  'anchor-mismatch',
  'anchor-tampered',
] as const
export type FindingCode = (typeof FINDING_CODES)[number]

export const ChainFindingSchema = z.object({
  code: z.enum(FINDING_CODES),
  seq: z.number().int().nullable(),
  message: z.string(),
})
export type ChainFinding = z.infer<typeof ChainFindingSchema>

export const ChainReportSchema = z.object({
  intact: z.boolean(),
  events: z.number().int(),
  /** events written before the case-state commitment and the signature: only their hash chain is checked */
  olderEvents: z.number().int(),
  findings: z.array(ChainFindingSchema),
  /** what was not or could not be checked, and the anchored head it was compared with */
  notes: z.array(z.string()),
  summary: z.string(),
})
export type ChainReport = z.infer<typeof ChainReportSchema>

export interface AuditInput {
  /** the case row as the store reads it now */
  row: CaseState
  /** oldest first */
  events: readonly CaseEvent[]
  /** the last anchored entry that names this case, if the deployment keeps them where it can be read */
  anchor: HeadAnchor | null
  sha256: (text: string) => string
  key: ChainKey
}

const at = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC'

export function auditChain({ row, events, anchor, sha256, key }: AuditInput): ChainReport {
  const findings: ChainFinding[] = []
  const notes: string[] = []
  const found = (code: FindingCode, seq: number | null, message: string) => findings.push({ code, seq, message })

  // 1. the chain: order, content, links
  let prev = GENESIS_HASH
  for (let i = 0; i < events.length; i++) {
    const e = events[i]
    if (e.seq !== i + 1) {
      found('sequence', i + 1, `第 ${i + 1} 条事件缺失或顺序被改动`)
      break
    }
    if (e.hash !== sha256(eventHashInput(e))) found('hash', e.seq, `第 ${e.seq} 条事件内容被改动`)
    else if (e.prevHash !== prev) found('link', e.seq, `第 ${e.seq} 条事件与前一条接不上（前一条被改动、删除或替换）`)
    prev = e.hash
  }

  // 2. the signatures: older events (before any signature) are a prefix; after the first signed one, every event is signed
  const firstSigned = events.findIndex((e) => e.mac)
  const olderEvents = firstSigned === -1 ? events.length : firstSigned
  const signed = events.slice(olderEvents)
  const keyIds = new Set(signed.flatMap((e) => (e.mac ? [keyIdOf(e.mac)] : [])))
  const wrongKey = signed.length > 0 && !keyIds.has(key.keyId) && keyIds.size === 1
  if (wrongKey) {
    found(
      'wrong-key',
      null,
      `CHAIN_KEY 与写入这些记录时所用的密钥不同（记录的密钥编号 ${[...keyIds][0]}，当前 ${key.keyId}），无法核对签名：请检查 CHAIN_KEY 设置`,
    )
  } else {
    let recomputedFrom: number | null = null
    let alsoBad = 0
    for (const e of signed) {
      if (!e.mac) {
        found('unsigned', e.seq, `第 ${e.seq} 条事件缺少签名（签名被去掉）`)
        continue
      }
      const check = checkEventSignature(key, { caseId: e.caseId, seq: e.seq, hash: e.hash, mac: e.mac })
      if (check === 'other-key') found('other-key', e.seq, `第 ${e.seq} 条事件的签名用了另一把密钥（编号 ${keyIdOf(e.mac)}）`)
      else if (check !== 'ok' && recomputedFrom === null) recomputedFrom = e.seq
      else if (check !== 'ok') alsoBad++
    }
    if (recomputedFrom !== null && !findings.some((f) => f.code === 'hash' && f.seq === recomputedFrom)) {
      const tail = alsoBad > 0 ? `，其后 ${alsoBad} 条的签名也对不上` : ''
      found('signature', recomputedFrom, `第 ${recomputedFrom} 条事件内容被改动（哈希被重新计算过，签名对不上${tail}）`)
    }
  }
  if (olderEvents > 0) notes.push(`前 ${olderEvents} 条事件写于案件状态承诺和签名之前（较早的记录），只核对了哈希链`)

  // 3. the row against the tail: a deleted tail leaves the row ahead of its events; an edit of the row no event explains
  const last = events[events.length - 1]
  const anchoredHead = anchor?.heads.find((h) => h.caseId === row.id) ?? null
  const missing = Math.max(row.version - events.length, anchoredHead ? anchoredHead.seq - events.length : 0)
  if (missing > 0) found('deleted-tail', events.length + 1, `最后 ${missing} 条事件被删除`)
  else if (last?.stateDigest && !wrongKey) {
    const differ = stateMismatches(last.stateDigest, row, key.mac)
    if (differ === null) found('state', last.seq, `第 ${last.seq} 条事件记下的案件状态无法读取（被改动）`)
    else if (differ.length > 0) found('state', last.seq, `案件记录与最后一条事件不符（${differ.join('、')}）`)
  } else if (last && !last.stateDigest) notes.push('最后一条事件写于案件状态承诺之前：案件记录本身无法核对')

  // 4. the last anchored head: written outside the database, so a recomputed or shortened chain does not meet it
  if (!anchor || !anchoredHead) notes.push('此案件还没有锚定的链头可比对（每天锚定一次；云端部署只写入日志）')
  // under a wrong key the anchor's seal cannot be checked either: that is said once, above, and its heads are still compared
  else if (!anchorIsSealed(key, anchor) && !(wrongKey && anchor.keyId !== key.keyId))
    found('anchor-tampered', null, `${at(anchor.at)} 锚定的链头记录被改动，或用了另一把 CHAIN_KEY`)
  else {
    const there = events[anchoredHead.seq - 1]
    if (there && there.hash !== anchoredHead.hash) {
      found(
        'anchor-mismatch',
        anchoredHead.seq,
        `第 ${anchoredHead.seq} 条及之前的事件与 ${at(anchor.at)} 锚定的记录不符（记录被改动后重算）`,
      )
    }
    notes.push(`已与 ${at(anchor.at)} 锚定的链头（第 ${anchoredHead.seq} 条）比对`)
  }

  const intact = findings.length === 0
  const summary = intact
    ? `记录完整：共 ${events.length} 条事件，未发现改动`
    : `发现 ${findings.length} 处问题：${findings.map((f) => f.message).join('；')}`
  return { intact, events: events.length, olderEvents, findings, notes, summary }
}
