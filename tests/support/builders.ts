import type { Case, CaseEvent, OutboxMessage } from '../../src/domain/case.schema'
import type { SubmitComplaintInput } from '../../src/domain/complaint.schema'
import { CONSENT_VERSION } from '../../src/domain/consent'
import type { Evidence } from '../../src/domain/evidence.schema'
import type { Merchant } from '../../src/domain/merchant.schema'
import type { Site } from '../../src/domain/site.schema'
import { NO_CLOCK_OVERRIDES } from '../../src/domain/clocks/clock-settings'
import { usccCheckChar } from '../../src/domain/merchant/uscc'
import { initialWorkflowState } from '../../src/domain/workflow/state-machine'

// Object mothers: valid domain objects with readable defaults; each test states only what matters.
let counter = 0
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`

export function aSite(over: Partial<Site> = {}): Site {
  return {
    id: unique('site'),
    name: '测试广场',
    address: '测试路1号',
    hotline: '0571-00000000',
    clockSettings: NO_CLOCK_OVERRIDES,
    ...over,
  }
}

export function aMerchant(site: Site, over: Partial<Merchant> = {}): Merchant {
  const code = `T${String(++counter).padStart(5, '0')}`.slice(-6).toUpperCase()
  return {
    id: unique('merchant'),
    siteId: site.id,
    code: `M${process.pid % 1000}${code}`.slice(0, 16),
    name: '测试商户',
    industry: '商超',
    address: '测试路1号',
    booth: '1F-01',
    uscc: aUscc(),
    doubleCommitmentSigned: true,
    responseMinutes: 45,
    onSiteMinutes: 90,
    contactName: '测试店长',
    contactPhone: '13800138000',
    ...over,
  }
}

/** A valid credit code no other test uses (unique per process and call). */
export function aUscc(): string {
  const body = `913301${String(process.pid % 100).padStart(2, '0')}${String(++counter).padStart(9, '0')}`
  return body + usccCheckChar(body)
}

export function aCase(merchant: Merchant, over: Partial<Case> = {}): Case {
  const at = over.createdAt ?? '2026-03-10T02:00:00.000Z'
  return {
    id: unique('case'),
    caseNo: unique('KS-20260310'),
    kind: 'complaint',
    siteId: merchant.siteId,
    merchantId: merchant.id,
    merchantName: merchant.name,
    description: '买到的牛奶已经过期了，要求退款',
    complainant: { name: '王小明', phone: '13812345678', address: '星河路1号' },
    purchaseTime: '2026-03-09T12:30',
    amountFen: 1250,
    product: '鲜牛奶',
    problemType: '质量',
    industry: '商超',
    demands: ['refund'],
    sharePhoneWithMerchant: false,
    consent: { version: CONSENT_VERSION, at, mode: 'self', attestedBy: null },
    channel: 'qr',
    filedBy: unique('subject'),
    idempotencyKey: unique('key').padEnd(16, 'x'),
    requestDigest: 'digest',
    queryCode: 'ABCD2345',
    createdAt: at,
    receivedAt: at, // the store reads a case back with its received time (createdAt unless a desk intake said otherwise)
    updatedAt: at,
    ...initialWorkflowState('goods'),
    version: 1,
    ...over,
  }
}

export function aSubmittedEvent(c: Case, over: Partial<CaseEvent> = {}): CaseEvent {
  return {
    id: unique('event'),
    caseId: c.id,
    seq: 1,
    type: 'submitted',
    actor: { role: 'consumer', id: c.filedBy },
    at: c.createdAt,
    note: null,
    attachments: [],
    details: null,
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
    ...over,
  }
}

export function anOutboxMessage(c: Case, e: CaseEvent): OutboxMessage {
  return {
    id: unique('outbox'),
    caseId: c.id,
    eventId: e.id,
    recipient: { role: 'merchant', id: c.merchantId },
    template: 'merchant.submitted',
    createdAt: e.at,
  }
}

export function anEvidence(uploadedBy: string, over: Partial<Evidence> = {}): Evidence {
  return {
    id: unique('evidence'),
    caseId: null,
    uploadedBy,
    kind: 'photo',
    mime: 'image/jpeg',
    bytes: 1234,
    sha256: 'a'.repeat(64),
    storageKey: unique('key').toLowerCase(),
    displayName: '小票.jpg',
    createdAt: '2026-03-10T01:59:00.000Z',
    ...over,
  }
}

/** A complete, valid submission from the form; tests override what they are about. */
export function aSubmission(
  merchantCode: string,
  over: Partial<SubmitComplaintInput> = {},
): SubmitComplaintInput & { action: 'submitComplaint' } {
  return {
    action: 'submitComplaint',
    kind: 'complaint',
    merchantCode,
    name: '李阿姨',
    phone: '138 1234 5678',
    address: '星河社区3栋201',
    purchaseTime: '2026-03-10',
    amountYuan: '68',
    product: '午餐套餐',
    problemType: '食品安全',
    industry: '食品',
    demands: ['refund', 'apology'],
    description: '汤里有一只苍蝇，要求退款并道歉',
    consentVersion: CONSENT_VERSION,
    idempotencyKey: unique('draft').padEnd(16, '0'),
    ...over,
  }
}
