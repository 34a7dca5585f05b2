import { oneLine } from './template-vars'

// WeChat checks every subscribe-message value against its keyword type and refuses the whole message
// (errcode 47003) when one is off. The rules, from the subscribeMessage.send documentation
// ("订阅消息参数值内容限制说明"): thing ≤ 20 characters of any kind; number ≤ 32 digits (decimals allowed);
// character_string ≤ 32 letters, digits or symbols; time a 24-hour time, optionally with the date
// ("2019年10月1日 15:01"); phrase ≤ 5 Chinese characters; name ≤ 10 Chinese characters (or ≤ 20 letters);
// phone_number ≤ 17 digits and symbols. No value may be empty or hold a control character.
// We count characters as Unicode code points (an emoji is one), and are stricter than WeChat where
// that costs nothing: our character_string values (case numbers) only ever need [A-Za-z0-9_-].
/* eslint-disable no-control-regex -- thing and name refuse control characters on purpose */
export const WECHAT_FIELD_LIMITS = {
  thing: { maxChars: 20, pattern: /^[^\u0000-\u001f\u007f]+$/u },
  number: { maxChars: 32, pattern: /^\d+(\.\d+)?$/ },
  character_string: { maxChars: 32, pattern: /^[A-Za-z0-9_-]+$/ },
  time: { maxChars: 40, pattern: /^(\d{4}年\d{1,2}月\d{1,2}日 |\d{4}-\d{2}-\d{2} )?\d{1,2}:\d{2}(:\d{2})?$/ },
  phrase: { maxChars: 5, pattern: /^\p{Script=Han}+$/u },
  name: { maxChars: 10, pattern: /^[^\u0000-\u001f\u007f]+$/u },
  phone_number: { maxChars: 17, pattern: /^[0-9+\-() ]+$/ },
} as const
/* eslint-enable no-control-regex */

export type WechatFieldType = keyof typeof WECHAT_FIELD_LIMITS
export type SubscribeData = Record<string, { value: string }>

/** The keyword type is the key's name without its number: thing1 → thing, character_string2 → character_string. */
export function fieldTypeOf(key: string): WechatFieldType | null {
  const type = key.replace(/\d+$/, '')
  return Object.prototype.hasOwnProperty.call(WECHAT_FIELD_LIMITS, type) ? (type as WechatFieldType) : null
}

const codePoints = (text: string) => [...text]

// A name made only of letters and symbols may be twice as long (WeChat: "纯英文名20个字母内").
const LATIN_NAME = /^[A-Za-z .·'-]+$/

export function maxCharsOf(type: WechatFieldType, value: string): number {
  return type === 'name' && LATIN_NAME.test(value) ? 20 : WECHAT_FIELD_LIMITS[type].maxChars
}

/** Why a value would be refused, or null when WeChat accepts it. */
export function checkWechatField(type: WechatFieldType, value: string): string | null {
  if (value === '') return `${type}: 不能为空`
  const length = codePoints(value).length
  const max = maxCharsOf(type, value)
  if (length > max) return `${type}: ${length} 个字符，超过 ${max}`
  if (!WECHAT_FIELD_LIMITS[type].pattern.test(value)) return `${type}: 含不允许的字符`
  return null
}

export interface FieldViolation {
  key: string
  reason: string
}

/** Every value that WeChat would refuse, by key; an empty list means the data may be sent. */
export function validateSubscribeData(data: SubscribeData): FieldViolation[] {
  return Object.entries(data).flatMap(([key, { value }]) => {
    const type = fieldTypeOf(key)
    if (!type) return [{ key, reason: '不支持的关键词类型' }]
    const reason = checkWechatField(type, value)
    return reason ? [{ key, reason }] : []
  })
}

/** A thing value: one line, at most 20 code points, cut with "…" inside the limit; never empty. */
export function fitThing(text: string, fallback: string): string {
  const chars = codePoints(oneLine(text))
  if (chars.length === 0) return fallback
  const max = WECHAT_FIELD_LIMITS.thing.maxChars
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`
}

/** A character_string value: only [A-Za-z0-9_-], at most 32. */
export function fitCharacterString(text: string, fallback: string): string {
  const kept = text.replace(/[^A-Za-z0-9_-]/g, '').slice(0, WECHAT_FIELD_LIMITS.character_string.maxChars)
  return kept === '' ? fallback : kept
}

/** A phrase value: Chinese characters only, at most 5; otherwise the fallback (itself a valid phrase). */
export function fitPhrase(text: string, fallback: string): string {
  return checkWechatField('phrase', text) === null ? text : fallback
}
