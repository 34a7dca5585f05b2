import { compareValues, typeClass, isPlainObject, isRegExpValue, toJsRegExp, valuesEqual, type Doc } from './bson-values'
import { reach } from './field-paths'

// MongoDB's query language, as far as @cloudbase/database 1.4.3 serializes it (serializer/query.js):
// field paths are flattened to 'a.b'; _.eq/neq/gt/gte/lt/lte/in/nin/exists/size/mod/elemMatch/all
// become { path: { $op: v } }; _.and/_.or/_.nor (top level or chained on a field) become
// { $and|$or|$nor: [...] }; _.not becomes { path: { $not: … } }; db.RegExp and JS RegExps become a
// $regularExpression value (a BSONRegExp once parsed). A bad query is a QueryError.

export class QueryError extends Error {}

export function matches(doc: Doc, query: unknown): boolean {
  if (!isPlainObject(query)) throw new QueryError('query must be an object')
  for (const [key, cond] of Object.entries(query)) {
    if (!matchesTopKey(doc, key, cond)) return false
  }
  return true
}

function matchesTopKey(doc: Doc, key: string, cond: unknown): boolean {
  switch (key) {
    case '$and':
      return list(key, cond).every((q) => matches(doc, q))
    case '$or':
      return list(key, cond).some((q) => matches(doc, q))
    case '$nor':
      return !list(key, cond).some((q) => matches(doc, q))
  }
  if (key.startsWith('$')) throw new QueryError(`unknown top level operator: ${key}`)
  return matchesField(reach(doc, key.split('.')), cond)
}

function list(op: string, v: unknown): unknown[] {
  if (!Array.isArray(v) || v.length === 0) throw new QueryError(`${op} must be a nonempty array`)
  return v
}

const isOperatorObject = (v: unknown): v is Doc =>
  isPlainObject(v) && Object.keys(v).length > 0 && Object.keys(v).every((k) => k.startsWith('$'))

/** A field condition over the values a path reaches */
export function matchesField(values: unknown[], cond: unknown): boolean {
  if (isOperatorObject(cond)) return Object.entries(cond).every(([op, arg]) => applyOperator(values, op, arg, cond))
  return equalsAny(values, cond)
}

// An array field matches a value when the array itself or one of its elements does
const expand = (values: unknown[]) => values.flatMap((v) => (Array.isArray(v) ? [v, ...v] : [v]))

function equalsAny(values: unknown[], target: unknown): boolean {
  if (isRegExpValue(target)) {
    const re = toJsRegExp(target)
    return expand(values).some((v) => (typeof v === 'string' && re.test(v)) || (isRegExpValue(v) && valuesEqual(v, target)))
  }
  if (target === null) return values.some((v) => v === null || v === undefined) || expand(values).some((v) => v === null)
  return expand(values).some((v) => v !== undefined && valuesEqual(v, target))
}

// $gt & co. compare only within a type class: 5 is not greater than 'a'
function compares(values: unknown[], target: unknown, ok: (c: number) => boolean): boolean {
  return expand(values).some((v) => v !== undefined && typeClass(v) === typeClass(target) && ok(compareValues(v, target)))
}

function applyOperator(values: unknown[], op: string, arg: unknown, whole: Doc): boolean {
  switch (op) {
    case '$eq':
      return equalsAny(values, arg)
    case '$ne':
      return !equalsAny(values, arg)
    case '$gt':
      return compares(values, arg, (c) => c > 0)
    case '$gte':
      return compares(values, arg, (c) => c >= 0)
    case '$lt':
      return compares(values, arg, (c) => c < 0)
    case '$lte':
      return compares(values, arg, (c) => c <= 0)
    case '$in':
      if (!Array.isArray(arg)) throw new QueryError('$in needs an array')
      return arg.some((x) => equalsAny(values, x))
    case '$nin':
      if (!Array.isArray(arg)) throw new QueryError('$nin needs an array')
      return !arg.some((x) => equalsAny(values, x))
    case '$exists':
      return values.some((v) => v !== undefined) === Boolean(arg)
    case '$size':
      return values.some((v) => Array.isArray(v) && v.length === arg)
    case '$all':
      if (!Array.isArray(arg)) throw new QueryError('$all needs an array')
      return arg.length > 0 && arg.every((x) => (isOperatorObject(x) && '$elemMatch' in x ? matchesField(values, x) : equalsAny(values, x)))
    case '$mod': {
      const [d, r] = arg as [number, number]
      return expand(values).some((v) => typeof v === 'number' && Math.trunc(v) % d === r)
    }
    case '$elemMatch':
      return values.some(
        (v) =>
          Array.isArray(v) &&
          v.some((el) =>
            isOperatorObject(arg) && !('$and' in arg || '$or' in arg) ? matchesField([el], arg) : isPlainObject(el) && matches(el, arg),
          ),
      )
    case '$not':
      return !matchesField(values, arg)
    case '$regex': {
      const options = typeof whole.$options === 'string' ? whole.$options : ''
      const source = isRegExpValue(arg) ? arg.pattern : String(arg)
      const re = new RegExp(source, [...options].filter((f) => 'imsu'.includes(f)).join(''))
      return expand(values).some((v) => typeof v === 'string' && re.test(v))
    }
    case '$options':
      return true
  }
  throw new QueryError(`unknown operator: ${op}`)
}
