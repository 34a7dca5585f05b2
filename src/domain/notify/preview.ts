import { subscribeDataFor, type SubscribePayload, type SubscribeVars } from './subscribe-messages'
import { allTemplateKeys } from './template-keys'
import { renderMessage, type RenderedMessage } from './templates'

// Every template with believable sample values, for a preview page or command: the wording can be
// reviewed as a whole, and a change to one event shows up next to all the others. Fixed instants,
// never "now", so the output is the same on every run.
export const SAMPLE_VARS: SubscribeVars = {
  caseNo: 'KS-20261122-0007',
  merchantName: '老王记手机维修',
  statusLabel: '待商家处理',
  dueAt: '2026-11-23T06:30:00.000Z', // 11月23日 14:30 in Shanghai
  note: '消费者要求退还维修费300元',
  at: '2026-11-22T06:05:00.000Z',
}

export interface TemplatePreview {
  key: string
  message: RenderedMessage | null
  /** set when the key did not render (it should never be, for keys the workflow produces) */
  error: string | null
  subscribe: SubscribePayload | null
}

export function previewAll(vars: SubscribeVars = SAMPLE_VARS): TemplatePreview[] {
  return allTemplateKeys().map((key) => {
    const rendered = renderMessage(key, vars)
    return {
      key,
      message: rendered.ok ? rendered.message : null,
      error: rendered.ok ? null : `${rendered.code}: ${rendered.detail}`,
      subscribe: subscribeDataFor(key, vars),
    }
  })
}
