import { useState } from 'react'
import type { Draft } from './complaint-draft'
import { call } from '../api'
import { requestSubscriptions } from '../api/subscribe'
import { recordAcceptedSubscriptions } from '../api/subscribe-record'
import { CONSUMER_FILING_SLOTS } from '../api/subscribe-slots'
import { ProxyFilingSchema } from '../domain/api/form-action-schemas'
import { SubmitComplaintSchema } from '../domain/complaint.schema'
import type { FieldErrors, Result } from '../domain/errors'
import { fieldErrorsOf, firstErrorField, toProxyInput, toSubmitInput } from './complaint-input'
import type { Receipt } from './receipt-store'
import { scrollToField } from './scroll-to-field'
import type { ComplaintDraftApi } from './use-complaint-draft'
import type { IntakeInput } from '../domain/intake-channel'

// Pressing 提交: check everything at once with the shared schema (no request while anything is
// wrong), refuse while files are still uploading or failed, send, and turn the answer into
// per-field Chinese messages or one banner. The draft is dropped only after the server confirmed.
// In WeChat the same tap asks the shopper to allow progress notices (服务通知); the prompt and the
// submission run side by side, and the answer is reported only once the case exists.
export type FilingMode = 'self' | 'proxy'

function unfinishedUploads(api: ComplaintDraftApi): string | undefined {
  const { evidence } = api.draft
  if (evidence.some((e) => e.status === 'uploading')) return '还有文件正在上传，请等上传完成再提交'
  const stuck = evidence.filter((e) => e.status === 'failed' || e.status === 'pending').length
  return stuck > 0 ? `有${stuck}个文件没有上传成功：请点“重试”或“重新选择”，或移除后再提交` : undefined
}

/**
 * What each field held when its error was shown. An error is shown only while its field still
 * holds that, so it goes away as soon as the person fixes the field (or changes 投诉/举报 or 匿名,
 * which decide whether identity is needed) instead of lingering until the next press of 提交.
 */
function signatures(mode: FilingMode, draft: Draft): Record<string, string> {
  const input: Record<string, unknown> = { ...(mode === 'proxy' ? toProxyInput(draft) : toSubmitInput(draft)) }
  input.evidenceIds = draft.evidence.map((e) => `${e.localId}:${e.status}`)
  const rule = [draft.fields.kind, draft.fields.anonymous]
  return Object.fromEntries(Object.entries(input).map(([k, v]) => [k, JSON.stringify([v, rule])]))
}

/** `intake`: station staff filing a 12345 hand-over, a call or a visit (intake-channel.ts); absent for everyone else */
export function useComplaintSubmit(
  mode: FilingMode,
  api: ComplaintDraftApi,
  onSubmitted: (receipt: Receipt) => void,
  intake?: IntakeInput,
) {
  const proxyInput = (draft: Draft) => ({ ...toProxyInput(draft), ...(intake ? { intake } : {}) })
  const [submitting, setSubmitting] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [shownFor, setShownFor] = useState<Record<string, string>>({})
  const [banner, setBanner] = useState('')

  /** `sticky`: the error stays until the next submit (used when the draft is being changed right now). */
  const show = (raw: FieldErrors, message: string, sticky = false) => {
    const fields = forMode(mode, raw)
    setErrors(fields)
    setShownFor(sticky ? {} : signatures(mode, api.draft))
    setBanner(message)
    const first = firstErrorField(fields)
    if (first) scrollToField(first)
  }

  const submit = async () => {
    if (submitting) return
    const { draft } = api
    const input = mode === 'proxy' ? proxyInput(draft) : toSubmitInput(draft)
    const fields = forMode(mode, fieldErrorsOf(mode === 'proxy' ? ProxyFilingSchema : SubmitComplaintSchema, input))
    const uploads = unfinishedUploads(api)
    if (uploads) fields.evidenceIds = uploads
    const count = Object.keys(fields).length
    if (count > 0) {
      show(fields, SUMMARY)
      return
    }

    // Before the first await: WeChat shows the prompt only while the tap is being handled. Never
    // awaited here — a refusal or an error must not hold up or stop the filing. A proxy filer is
    // staff at a desk, not the person the notices would be for.
    const prompt = mode === 'self' ? requestSubscriptions(CONSUMER_FILING_SLOTS) : null
    setSubmitting(true)
    setErrors({})
    setBanner('')
    const result: Result<Receipt> =
      mode === 'proxy'
        ? await call('proxy', 'fileComplaint', proxyInput(draft))
        : await call('consumer', 'submitComplaint', toSubmitInput(draft))
    if (result.ok) {
      if (prompt) void recordAcceptedSubscriptions(prompt)
      api.discard() // only now: a failed attempt keeps every field, every file and the key
      onSubmitted(result.data)
      return
    }
    setSubmitting(false)
    const { error } = result
    switch (error.code) {
      case 'IDEMPOTENCY_CONFLICT':
        api.renewKey() // the old key belongs to a case with other content; the next press goes through
        return show({}, error.message)
      case 'CONSENT_REQUIRED':
        // the notice changed since it was ticked: it has to be read and ticked again
        api.setField(mode === 'proxy' ? 'attestation' : 'consentAgreed', false)
        return show({ [mode === 'proxy' ? 'attestation' : 'consentVersion']: error.message }, '', true)
      case 'EVIDENCE_NOT_FOUND':
      case 'TOO_MANY_FILES':
        return show({ evidenceIds: error.message }, '')
      default: {
        const byField = error.fields ?? {}
        // a field the person cannot see (idempotencyKey…) still needs saying: in the banner
        const unseen = Object.keys(byField).filter((k) => !SHOWN_FIELDS.has(k))
        return show(byField, unseen.length > 0 ? byField[unseen[0]] : Object.keys(byField).length ? '' : error.message)
      }
    }
  }

  const now = signatures(mode, api.draft)
  const visible = Object.fromEntries(Object.entries(errors).filter(([k]) => !(k in shownFor) || shownFor[k] === now[k]))
  // the count under the button follows the fixes too, and goes once everything is fixed
  const left = Object.keys(visible).length
  const shownBanner = banner === SUMMARY ? (left > 0 ? `还有${left}处需要填写或修改，请看标红的提示` : '') : banner
  return { submit, submitting, errors: visible, banner: shownBanner }
}

const SUMMARY = '(summary)' // stands for "还有N处…", worded from the errors still shown

const SHOWN_FIELDS = new Set([
  'merchantCode',
  'kind',
  'anonymous',
  'name',
  'phone',
  'address',
  'purchaseTime',
  'amountYuan',
  'product',
  'problemType',
  'industry',
  'demands',
  'description',
  'evidenceIds',
  'consentVersion',
  'attestation',
  'intake.channel', // the desk's channel, 转办单号 and received time (proxy-file intake-fields.tsx)
  'intake.handoverNo',
  'intake.receivedAt',
])

/** In proxy filing one box (the attestation) stands for the consent too: one message, under it. */
function forMode(mode: FilingMode, fields: FieldErrors): FieldErrors {
  if (mode !== 'proxy' || !fields.consentVersion) return fields
  const { consentVersion, ...rest } = fields
  return { ...rest, attestation: rest.attestation ?? consentVersion }
}
