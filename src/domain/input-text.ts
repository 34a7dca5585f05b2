import { fail, ok, type Result } from './errors'

// Text from a client is checked once, at the boundary, before any schema sees it: the dispatcher
// for every function, and the host's own routes (staff sign-in, upload fields). Refused are the C0
// control characters but tab, line feed and carriage return (NUL among them, which PostgreSQL cannot
// store in text at all: it was a 500 on most endpoints), unpaired UTF-16 surrogates (no character;
// they turn into U+FFFD on their way to the database), and the noncharacters U+FFFE and U+FFFF.
// None of them is typed by a person. Written as a loop over code units, not a regex with lookbehind,
// because this module is domain code the mini-program may load on engines without lookbehind.

export const UNREADABLE_TEXT_MESSAGE = '含有无法识别的字符（如控制字符），请删除后重新输入'

/** Index of the first code unit we refuse, or -1. */
function firstUnreadable(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20) {
      if (c !== 0x09 && c !== 0x0a && c !== 0x0d) return i
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1) // NaN past the end: unpaired
      if (!(next >= 0xdc00 && next <= 0xdfff)) return i
      i++
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      return i
    }
  }
  return -1
}

export const isReadableText = (text: string) => firstUnreadable(text) === -1

/** The text with every refused code unit removed: for what is only shown (a file's name), never for what is decided on. */
export function withoutUnreadable(text: string): string {
  let kept = ''
  let rest = text
  for (let at = firstUnreadable(rest); at !== -1; at = firstUnreadable(rest)) {
    kept += rest.slice(0, at)
    rest = rest.slice(at + 1)
  }
  return kept + rest
}

/** One value met on the walk, with the way back to the root (not a copied path: deep values stay linear). */
interface Step {
  value: unknown
  key: string | null
  parent: Step | null
}

function pathOf(step: Step, lastKey?: string): string {
  const keys = lastKey === undefined ? [] : [lastKey]
  for (let s: Step | null = step; s !== null && s.key !== null; s = s.parent) keys.push(s.key)
  return keys.length > 0 ? keys.reverse().join('.') : '_'
}

/**
 * Where in a parsed JSON value the first refused text is — in a string or in an object's key — as
 * the field path the forms show errors under ("description", "rows.3.name"; "_" for the value
 * itself), or null when all of it is readable. Walks with its own stack: any depth, never a throw.
 */
export function unreadableTextPath(value: unknown): string | null {
  const stack: Step[] = [{ value, key: null, parent: null }]
  for (let step = stack.pop(); step !== undefined; step = stack.pop()) {
    const v = step.value
    if (typeof v === 'string') {
      if (!isReadableText(v)) return pathOf(step)
    } else if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], key: String(i), parent: step }) // reversed: the first is seen first
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v)
      const badKey = entries.find(([key]) => !isReadableText(key))
      if (badKey) return pathOf(step, withoutUnreadable(badKey[0])) // the path is shown: it carries none of it
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], key: entries[i][0], parent: step })
    }
  }
  return null
}

/** The value as it came, or VALIDATION_FAILED with a Chinese message under the offending field. */
export function checkInputText<T>(value: T): Result<T> {
  const path = unreadableTextPath(value)
  return path === null ? ok(value) : fail('VALIDATION_FAILED', { [path]: UNREADABLE_TEXT_MESSAGE })
}
