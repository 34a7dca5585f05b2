import { isPlainObject, type Doc } from './bson-values'

// Dotted field paths ('a.b', 'list.0.name') the way MongoDB reads and writes them.

export class PathError extends Error {}

const isIndex = (part: string) => /^\d+$/.test(part)

/**
 * The values a query path reaches: MongoDB walks into arrays, so 'a.b' over { a: [{ b: 1 }, {}] }
 * reaches 1 and a missing value (undefined), and 'a.0' reaches the first element.
 */
export function reach(value: unknown, parts: string[], i = 0): unknown[] {
  if (i === parts.length) return [value]
  const part = parts[i]
  if (Array.isArray(value)) {
    const out: unknown[] = []
    if (isIndex(part)) out.push(...reach(value[Number(part)], parts, i + 1))
    for (const el of value) if (isPlainObject(el)) out.push(...reach(el, parts, i))
    if (out.length === 0 && !isIndex(part)) out.push(undefined)
    return out
  }
  if (isPlainObject(value)) return reach(value[part], parts, i + 1)
  return [undefined]
}

/** The single value at a path, without walking into arrays except by index (updates, sort keys) */
export function getPath(doc: unknown, path: string): unknown {
  let cur = doc
  for (const part of path.split('.')) {
    if (Array.isArray(cur) && isIndex(part)) cur = cur[Number(part)]
    else if (isPlainObject(cur)) cur = cur[part]
    else return undefined
  }
  return cur
}

/** Sets a path, creating objects on the way; fails as MongoDB does when a step is a scalar */
export function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur: unknown = doc
  for (let i = 0; i < parts.length - 1; i++) {
    const part = parts[i]
    const container = cur as Doc & unknown[]
    let next: unknown = Array.isArray(cur) && isIndex(part) ? container[Number(part)] : isPlainObject(cur) ? cur[part] : undefined
    if (next === undefined || next === null) {
      if (next === null) throw new PathError(`Cannot create field '${parts[i + 1]}' in element {${part}: null}`)
      next = {}
      if (Array.isArray(cur)) {
        if (!isIndex(part)) throw new PathError(`Cannot create field '${part}' in element {${parts[i - 1]}: [...]}`)
        padTo(cur, Number(part))
        cur[Number(part)] = next
      } else (cur as Doc)[part] = next
    } else if (!isPlainObject(next) && !Array.isArray(next)) {
      throw new PathError(`Cannot create field '${parts[i + 1]}' in element {${part}: ${JSON.stringify(next)}}`)
    }
    cur = next
  }
  const last = parts[parts.length - 1]
  if (Array.isArray(cur)) {
    if (!isIndex(last)) throw new PathError(`Cannot create field '${last}' in element {${parts[parts.length - 2]}: [...]}`)
    padTo(cur, Number(last))
    cur[Number(last)] = value
  } else (cur as Doc)[last] = value
}

function padTo(list: unknown[], index: number) {
  while (list.length < index) list.push(null)
}

/** Removes a path; an array element becomes null, as $unset does */
export function unsetPath(doc: Doc, path: string): boolean {
  const parts = path.split('.')
  const parent = getPath(doc, parts.slice(0, -1).join('.') || '')
  const holder = parts.length === 1 ? doc : parent
  const last = parts[parts.length - 1]
  if (Array.isArray(holder) && isIndex(last)) {
    if (Number(last) >= holder.length) return false
    holder[Number(last)] = null
    return true
  }
  if (isPlainObject(holder) && last in holder) {
    delete holder[last]
    return true
  }
  return false
}
