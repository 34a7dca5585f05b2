import { clone, compareValues, isPlainObject, valuesEqual, type Doc } from './bson-values'
import { getPath, setPath, unsetPath } from './field-paths'
import { matches, matchesField } from './query-matcher'

// MongoDB update operators as @cloudbase/database 1.4.3 serializes them (serializer/update.js):
// a plain nested object is flattened to { $set: { 'a.b': v } }; _.set(v) → $set (whole value);
// _.inc → $inc; _.mul → $mul; _.remove() → { $unset: { path: '' } }; _.push(a, b) / _.push([..]) →
// { $push: { path: { $each: [...] } } } (or the modifiers object _.push({ each, position, slice, sort }));
// _.unshift → $push with $position 0; _.pop() → { $pop: 1 }; _.shift() → { $pop: -1 };
// _.addToSet / _.pull / _.pullAll / _.rename / _.min / _.max pass their operand through.

export class UpdateError extends Error {}

/** The document after an update: `merge` false replaces the whole document (doc().set), true applies operators */
export function applyUpdate(current: Doc, data: unknown, merge: boolean): Doc {
  if (!isPlainObject(data)) throw new UpdateError('update data must be an object')
  if (!merge) {
    if (Object.keys(data).some((k) => k.startsWith('$'))) throw new UpdateError('replacement document must not contain update operators')
    return { _id: current._id, ...clone(withoutId(data)) }
  }
  const next = clone(current)
  const operators = Object.keys(data).some((k) => k.startsWith('$')) ? data : { $set: data }
  for (const [op, fields] of Object.entries(operators)) {
    if (!op.startsWith('$')) throw new UpdateError(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update`)
    if (!isPlainObject(fields)) throw new UpdateError(`Modifiers operate on fields but we found type ${typeof fields} instead`)
    for (const [path, arg] of Object.entries(fields)) {
      if (path === '_id' || path.startsWith('_id.'))
        throw new UpdateError("Performing an update on the path '_id' would modify the immutable field '_id'")
      applyOne(next, op, path, arg)
    }
  }
  return next
}

function withoutId(d: Doc): Doc {
  const { _id, ...rest } = d
  void _id
  return rest
}

const typeName = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : v instanceof Date ? 'date' : typeof v)

function numeric(op: string, path: string, cur: unknown, arg: unknown): number {
  if (typeof arg !== 'number')
    throw new UpdateError(`Cannot ${op === '$inc' ? 'increment' : 'multiply'} with non-numeric argument: {${path}: ${JSON.stringify(arg)}}`)
  if (cur !== undefined && typeof cur !== 'number')
    throw new UpdateError(
      `Cannot apply ${op} to a value of non-numeric type. {_id: …} has the field '${path}' of non-numeric type ${typeName(cur)}`,
    )
  return (cur as number | undefined) ?? 0
}

function arrayAt(doc: Doc, path: string, op: string): unknown[] | undefined {
  const cur = getPath(doc, path)
  if (cur === undefined) return undefined
  if (!Array.isArray(cur))
    throw new UpdateError(`The field '${path}' must be an array but is of type ${typeName(cur)} in document {_id: …}`)
  void op
  return cur
}

function applyOne(doc: Doc, op: string, path: string, arg: unknown) {
  switch (op) {
    case '$set':
      return setPath(doc, path, clone(arg))
    case '$unset':
      unsetPath(doc, path)
      return
    case '$inc': {
      const cur = getPath(doc, path)
      return setPath(doc, path, numeric(op, path, cur, arg) + (arg as number))
    }
    case '$mul': {
      const cur = getPath(doc, path)
      return setPath(doc, path, numeric(op, path, cur, arg) * (arg as number))
    }
    case '$min':
    case '$max': {
      const cur = getPath(doc, path)
      const c = cur === undefined ? 0 : compareValues(arg, cur)
      if (cur === undefined || (op === '$min' ? c < 0 : c > 0)) setPath(doc, path, clone(arg))
      return
    }
    case '$rename': {
      const cur = getPath(doc, path)
      if (cur === undefined) return
      unsetPath(doc, path)
      return setPath(doc, String(arg), cur)
    }
    case '$currentDate':
      return setPath(doc, path, new Date())
    case '$push':
      return push(doc, path, arg)
    case '$addToSet': {
      const list = arrayAt(doc, path, op) ?? []
      const items = isPlainObject(arg) && Array.isArray(arg.$each) ? arg.$each : [arg]
      for (const item of items) if (!list.some((x) => valuesEqual(x, item))) list.push(clone(item))
      return setPath(doc, path, list)
    }
    case '$pop': {
      const list = arrayAt(doc, path, op)
      if (!list) return
      if (Number(arg) === -1) list.shift()
      else list.pop()
      return
    }
    case '$pull': {
      const list = arrayAt(doc, path, op)
      if (!list) return
      const hit = (el: unknown) =>
        isPlainObject(arg) && Object.keys(arg).some((k) => k.startsWith('$'))
          ? matchesField([el], arg)
          : isPlainObject(arg) && isPlainObject(el)
            ? matches(el, arg)
            : valuesEqual(el, arg)
      return setPath(
        doc,
        path,
        list.filter((el) => !hit(el)),
      )
    }
    case '$pullAll': {
      const list = arrayAt(doc, path, op)
      if (!list) return
      if (!Array.isArray(arg)) throw new UpdateError('$pullAll requires an array argument')
      return setPath(
        doc,
        path,
        list.filter((el) => !arg.some((x) => valuesEqual(el, x))),
      )
    }
  }
  throw new UpdateError(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update`)
}

function push(doc: Doc, path: string, arg: unknown) {
  const list = arrayAt(doc, path, '$push') ?? []
  const modifiers = isPlainObject(arg) && '$each' in arg ? arg : { $each: [arg] }
  if (!Array.isArray(modifiers.$each)) throw new UpdateError('The argument to $each in $push must be an array')
  const items = modifiers.$each.map(clone)
  const at = typeof modifiers.$position === 'number' ? modifiers.$position : list.length
  list.splice(at < 0 ? Math.max(0, list.length + at) : at, 0, ...items)
  if (modifiers.$sort !== undefined) {
    const by = modifiers.$sort
    list.sort((a, b) =>
      isPlainObject(by)
        ? Object.entries(by).reduce((acc, [k, dir]) => acc || compareValues(getPath(a, k), getPath(b, k)) * Number(dir), 0)
        : compareValues(a, b) * Number(by),
    )
  }
  let result = list
  if (typeof modifiers.$slice === 'number') result = modifiers.$slice >= 0 ? list.slice(0, modifiers.$slice) : list.slice(modifiers.$slice)
  setPath(doc, path, result)
}
