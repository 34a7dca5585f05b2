// 一键转接人工 (the 2026 station plan): the number a shopper taps to reach a person. The station's
// own phone (the site hotline) when the page knows the site, the national 12315 line otherwise, or
// when the site's number is not something a phone can dial.
export const NATIONAL_HOTLINE = '12315'

export interface HumanLine {
  /** as printed, e.g. 0571-88886666 */
  shown: string
  /** digits (and a leading +) for tel: and makePhoneCall */
  dial: string
  /** whom the call reaches, for the button's words */
  who: string
}

export function humanLine(hotline?: string | null, siteName?: string | null): HumanLine {
  const shown = (hotline ?? '').trim()
  const dial = shown.replace(/[^\d+]/g, '')
  if (dial.length >= 5 && dial !== NATIONAL_HOTLINE) return { shown, dial, who: siteName ? `${siteName}维权站` : '维权站' }
  return { shown: NATIONAL_HOTLINE, dial: NATIONAL_HOTLINE, who: '12315热线' }
}

export const callLabel = (line: HumanLine) => `一键转接人工：拨打${line.who}电话 ${line.shown}`
