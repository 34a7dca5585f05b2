import type { Case } from '../case.schema'
import type { RenderedMessage } from './templates'

/**
 * The templates speak of 投诉 (a complaint), the common case. A report (举报) is told the same steps
 * in its own word — a station reading "收到新投诉" for an anonymous report would treat it as a
 * complaint with a complainant to answer.
 */
export function wordedForKind(message: RenderedMessage, kind: Case['kind']): RenderedMessage {
  if (kind === 'complaint') return message
  const swap = (text: string) => text.replace(/投诉人/g, '举报人').replace(/投诉/g, '举报')
  return { title: swap(message.title), body: swap(message.body) }
}
