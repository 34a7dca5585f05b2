import type { Merchant } from '../merchant.schema'

type Minutes = Pick<Merchant, 'responseMinutes' | 'onSiteMinutes'>

/** 45 → "45分钟", 120 → "2小时": how the board in the shop says it. */
export function minutesInWords(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60}小时` : `${minutes}分钟`
}

/** The double commitment in words, from the shop's own numbers: "45分钟内响应 · 90分钟内到场". */
export function commitmentText(m: Minutes): string {
  return `${minutesInWords(m.responseMinutes)}内响应 · ${minutesInWords(m.onSiteMinutes)}内到场`
}

/** Only a shop that signed makes the promise: a poster never prints one it did not make. */
export function commitmentOf(m: Minutes & Pick<Merchant, 'doubleCommitmentSigned'>): string | null {
  return m.doubleCommitmentSigned ? commitmentText(m) : null
}
