import { clone, compareValues, isPlainObject, type Doc } from './bson-values'
import { getPath, reach, setPath } from './field-paths'

// order / offset / limit / projection of database.getDocument, with MongoDB's semantics.

export class ShapeError extends Error {}

/** The key a document sorts by: an array sorts by its smallest element ascending, its largest descending */
function sortKey(doc: Doc, path: string, dir: number): unknown {
  const values = reach(doc, path.split('.')).flatMap((v) => (Array.isArray(v) ? (v.length ? v : [undefined]) : [v]))
  return values.reduce((best, v) => (best === NONE || compareValues(v, best) * dir < 0 ? v : best), NONE)
}
const NONE = Symbol('none')

/** order is { field: 1 | -1, … } in key order (what orderBy() chains build); ties keep natural order */
export function sortDocs(docs: Doc[], order: unknown): Doc[] {
  if (order === undefined || order === null) return docs
  const entries: [string, number][] = Array.isArray(order)
    ? order.map((o: { field: string; direction: string }) => [o.field, o.direction === 'desc' ? -1 : 1])
    : isPlainObject(order)
      ? Object.entries(order).map(([k, v]) => [k, Number(v)])
      : []
  for (const [, dir] of entries) if (dir !== 1 && dir !== -1) throw new ShapeError('order value must be 1 or -1')
  if (entries.length === 0) return docs
  return docs
    .map((doc, i) => ({ doc, i, keys: entries.map(([path, dir]) => sortKey(doc, path, dir)) }))
    .sort((a, b) => {
      for (let k = 0; k < entries.length; k++) {
        const c = compareValues(a.keys[k], b.keys[k]) * entries[k][1]
        if (c) return c
      }
      return a.i - b.i
    })
    .map((x) => x.doc)
}

/**
 * MongoDB projection: all 1s (inclusion, _id kept unless _id: 0) or all 0s (exclusion); mixing fails.
 * Object values ($slice, $elemMatch) are not modelled.
 */
export function project(doc: Doc, projection: unknown): Doc {
  if (projection === undefined || projection === null) return clone(doc)
  if (!isPlainObject(projection)) throw new ShapeError('projection must be an object')
  const entries = Object.entries(projection).filter(([k]) => k !== '_id')
  const idWanted = projection._id === undefined ? true : Boolean(Number(projection._id))
  for (const [, v] of entries)
    if (typeof v !== 'number' && typeof v !== 'boolean') throw new ShapeError('projection operators are not supported')
  const including = entries.some(([, v]) => Boolean(Number(v)))
  if (including && entries.some(([, v]) => !Number(v))) throw new ShapeError('Cannot do exclusion on field in inclusion projection')
  if (including || (entries.length === 0 && projection._id !== undefined && idWanted)) {
    const out: Doc = {}
    if (idWanted && doc._id !== undefined) out._id = clone(doc._id)
    for (const [path] of entries) {
      const v = getPath(doc, path)
      if (v !== undefined) setPath(out, path, clone(v))
    }
    return out
  }
  const out = clone(doc)
  if (!idWanted) delete out._id
  for (const [path] of entries) drop(out, path.split('.'))
  return out
}

function drop(node: unknown, parts: string[]) {
  if (Array.isArray(node)) return node.forEach((el) => drop(el, parts))
  if (!isPlainObject(node)) return
  if (parts.length === 1) delete node[parts[0]]
  else drop(node[parts[0]], parts.slice(1))
}
