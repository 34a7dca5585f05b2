import { formatRate } from '../merchant/merchant-record'
import type { PublicEntry, PublicRecordsView } from './publication'

// The words of the public page, shared by the host's HTML page and the mini-program's page so both
// say the same thing the same way.

export const PUBLIC_TITLE = '投诉信息公示'

/** "2025-04" → "2025年4月" */
export const monthInWords = (month: string) => {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

export const periodInWords = (v: Pick<PublicRecordsView, 'from' | 'through'>) => `${monthInWords(v.from)}至${monthInWords(v.through)}`

/** A rate, or 样本不足 when its denominator was below the threshold. */
export const rateInWords = (r: number | null) => (r === null ? '样本不足' : formatRate(r))

export const commitmentInWords = (e: Pick<PublicEntry, 'doubleCommitmentSigned'>) => (e.doubleCommitmentSigned ? '已签署' : '未签署')

/** The rules in short, under the title. */
export function publicNotes(v: Pick<PublicRecordsView, 'threshold'>): string[] {
  return [
    `公示期内被投诉${v.threshold}件及以上的经营者才会列出；件数不足${v.threshold}件的不公示。`,
    `响应率：在承诺时限内响应的投诉占已到期响应的比例；和解率：双方自行和解的投诉占已办结投诉的比例。基数不足${v.threshold}件时显示“样本不足”。`,
    '本页不公示投诉人的任何信息，也不公示投诉内容和商家答复。',
    '经营者对公示信息有异议的，可在商家端提出异议并说明理由，由维权站核实处理。',
  ]
}

/** The label/value pairs of one entry, in reading order. */
export function entryFacts(e: PublicEntry): [string, string][] {
  return [
    ['统一社会信用代码', e.uscc || '未登记'],
    ['行业', e.industry],
    ['公示期内投诉', `${e.complaints}件`],
    ['按承诺时限响应率', rateInWords(e.responseRate)],
    ['和解率', rateInWords(e.settlementRate)],
    ['双承诺', commitmentInWords(e)],
  ]
}
