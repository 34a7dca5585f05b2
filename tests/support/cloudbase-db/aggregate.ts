import { clone, compareValues, isPlainObject, stringifyEJSON, valuesEqual, type Doc } from './bson-values'
import { getPath } from './field-paths'
import { matches, QueryError } from './query-matcher'
import { project, sortDocs } from './query-shaping'

// A subset of MongoDB's aggregation, enough for counting and grouping: $match, $group (with
// $sum/$avg/$min/$max/$first/$last/$push/$addToSet over '$field' paths or constants), $sort, $skip,
// $limit, $project (plain inclusion/exclusion) and $count. Any other stage is a QueryError, so a test
// that needs more fails loudly instead of getting a made-up answer.

export function runPipeline(docs: Doc[], stages: Doc[]): Doc[] {
  let out = docs.map(clone)
  for (const stage of stages) {
    const [name, arg] = Object.entries(stage)[0] ?? []
    switch (name) {
      case '$match':
        out = out.filter((d) => matches(d, arg))
        break
      case '$sort':
        out = sortDocs(out, arg)
        break
      case '$skip':
        out = out.slice(Number(arg))
        break
      case '$limit':
        out = out.slice(0, Number(arg))
        break
      case '$project':
        out = out.map((d) => project(d, arg))
        break
      case '$count':
        out = [{ [String(arg)]: out.length }]
        break
      case '$group':
        out = group(out, arg)
        break
      default:
        throw new QueryError(`aggregation stage ${String(name)} is not supported by the loopback`)
    }
  }
  return out
}

function evaluate(doc: Doc, expr: unknown): unknown {
  if (typeof expr === 'string' && expr.startsWith('$')) return getPath(doc, expr.slice(1))
  if (isPlainObject(expr)) return Object.fromEntries(Object.entries(expr).map(([k, v]) => [k, evaluate(doc, v)]))
  return expr
}

function group(docs: Doc[], spec: unknown): Doc[] {
  if (!isPlainObject(spec) || !('_id' in spec)) throw new QueryError('a group specification must include an _id')
  const groups = new Map<string, { id: unknown; members: Doc[] }>()
  for (const doc of docs) {
    const id = evaluate(doc, spec._id) ?? null
    const key = stringifyEJSON({ id })
    const g = groups.get(key) ?? { id, members: [] }
    g.members.push(doc)
    groups.set(key, g)
  }
  return [...groups.values()].map(({ id, members }) => {
    const out: Doc = { _id: id }
    for (const [field, acc] of Object.entries(spec)) {
      if (field === '_id') continue
      if (!isPlainObject(acc)) throw new QueryError(`the field '${field}' must be an accumulator object`)
      const [op, expr] = Object.entries(acc)[0]
      const values = members.map((m) => evaluate(m, expr))
      out[field] = accumulate(op, values)
    }
    return out
  })
}

function accumulate(op: string, values: unknown[]): unknown {
  const numbers = values.filter((v): v is number => typeof v === 'number')
  const present = values.filter((v) => v !== undefined)
  switch (op) {
    case '$sum':
      return numbers.reduce((a, b) => a + b, 0)
    case '$avg':
      return numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : null
    case '$min':
      return present.reduce<unknown>((a, b) => (a === undefined || compareValues(b, a) < 0 ? b : a), undefined) ?? null
    case '$max':
      return present.reduce<unknown>((a, b) => (a === undefined || compareValues(b, a) > 0 ? b : a), undefined) ?? null
    case '$first':
      return values[0] ?? null
    case '$last':
      return values[values.length - 1] ?? null
    case '$push':
      return present
    case '$addToSet':
      return present.filter((v, i) => present.findIndex((w) => valuesEqual(v, w)) === i)
  }
  throw new QueryError(`unknown group operator ${op}`)
}
