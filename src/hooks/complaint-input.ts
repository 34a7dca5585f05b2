import type { z } from 'zod'
import type { ActionInput } from '../domain/api/contract'
import { CONSENT_VERSION } from '../domain/consent'
import type { FieldErrors } from '../domain/errors'
import { parseWith } from '../domain/validation'
import type { Draft } from './complaint-draft'

// From the draft to what the gateway sends, and the field errors the shared schema gives for it.
export type SubmitInput = ActionInput<'consumer', 'submitComplaint'>

export function toSubmitInput(draft: Draft): SubmitInput {
  const f = draft.fields
  const input = {
    kind: f.kind,
    merchantCode: draft.shop?.merchant.code ?? '',
    anonymous: f.kind === 'report' && f.anonymous,
    name: f.name,
    phone: f.phone,
    address: f.address,
    purchaseTime: f.purchaseDate ? (f.purchaseClock ? `${f.purchaseDate}T${f.purchaseClock}` : f.purchaseDate) : '',
    amountYuan: f.amountYuan,
    product: f.product,
    // an unchosen picker is '' here: the schema, not this type, reports it (请选择问题类型)
    problemType: f.problemType,
    // a shopper is not asked for the industry line: the filing derives it (toProxyInput sends staff's choice)
    demands: f.demands,
    description: f.description,
    // only files the server has; the form refuses to submit while others are still pending
    evidenceIds: draft.evidence.flatMap((e) => (e.status === 'done' && e.id ? [e.id] : [])),
    // sent only when agreed: otherwise the schema answers 请先阅读并同意个人信息告知
    consentVersion: f.consentAgreed ? CONSENT_VERSION : undefined,
    sharePhoneWithMerchant: f.sharePhoneWithMerchant,
    idempotencyKey: draft.idempotencyKey,
  }
  return input as SubmitInput
}

// Valid stand-ins for fields that failed the schema's basic checks. zod runs the cross-field rules
// (a 投诉 needs name, phone, address, demands) only once every field is valid, which would show
// the errors in two rounds; re-checking with these stand-ins collects both rounds at once from the
// same schema, without restating any rule here.
const STAND_INS: Record<string, unknown> = {
  merchantCode: 'AAAA',
  purchaseTime: '',
  amountYuan: '',
  product: '',
  problemType: '其他',
  industry: '一般消费纠纷',
  description: '——这是一段仅用于检查其他字段的占位文字——',
  evidenceIds: [],
  consentVersion: CONSENT_VERSION,
  idempotencyKey: 'A'.repeat(32),
  attestation: true,
  name: '',
  phone: '',
  address: '',
  demands: [],
}

export function fieldErrorsOf(schema: z.ZodType, input: object): FieldErrors {
  const first = parseWith(schema, input)
  if (first.ok) return {}
  const fields = { ...(first.error.fields ?? {}) }
  const patched: Record<string, unknown> = { ...input }
  for (const key of Object.keys(fields)) {
    if (key in STAND_INS) patched[key] = STAND_INS[key]
  }
  const second = parseWith(schema, patched)
  if (!second.ok) {
    for (const [key, message] of Object.entries(second.error.fields ?? {})) {
      if (!fields[key]) fields[key] = message
    }
  }
  return fields
}

/** The order fields appear on the form: the first one with an error is scrolled into view. */
export const FIELD_ORDER = [
  'merchantCode',
  'description',
  'demands',
  'problemType',
  'industry',
  'kind',
  'anonymous',
  'name',
  'phone',
  'address',
  'purchaseTime',
  'amountYuan',
  'product',
  'evidenceIds',
  'consentVersion',
  'attestation',
  'sharePhoneWithMerchant',
  'idempotencyKey',
]

export function firstErrorField(fields: FieldErrors): string | undefined {
  return FIELD_ORDER.find((name) => fields[name]) ?? Object.keys(fields)[0]
}

export type ProxyInput = ActionInput<'proxy', 'fileComplaint'>

/** Proxy filing: the helper's attestation stands for the person's consent (mode read aloud). */
export function toProxyInput(draft: Draft): ProxyInput {
  const agreed = draft.fields.attestation
  const input = {
    ...toSubmitInput(draft),
    industry: draft.fields.industry || undefined,
    consentVersion: agreed ? CONSENT_VERSION : undefined,
    attestation: agreed ? true : undefined,
  }
  return input as ProxyInput
}
