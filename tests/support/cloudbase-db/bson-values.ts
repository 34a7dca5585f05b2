import { calculateObjectSize, EJSON, type BSONRegExp } from 'bson'

// Values as the database holds them: what bson's EJSON.parse makes of what @cloudbase/database sends
// (it stringifies with { relaxed: false }, so ints/doubles arrive as $numberInt/$numberDouble and
// dates as $date). Relaxed parsing turns those into JS numbers and Dates; ObjectId and BSONRegExp
// stay bson objects. Ordering follows MongoDB's comparison/sort order, since CloudBase is MongoDB.

export type Doc = Record<string, unknown>

export const parseEJSON = (text: string): unknown => EJSON.parse(text, { relaxed: true })
export const stringifyEJSON = (value: unknown): string => EJSON.stringify(value as Doc, { relaxed: false })
/** BSON size of a document, what MongoDB's size limits count */
export const bsonSize = (doc: Doc): number => calculateObjectSize(doc)

const bsonType = (v: unknown): string | undefined =>
  typeof v === 'object' && v !== null ? (v as { _bsontype?: string })._bsontype : undefined

export const isPlainObject = (v: unknown): v is Doc =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && bsonType(v) === undefined

export const isRegExpValue = (v: unknown): v is BSONRegExp => bsonType(v) === 'BSONRegExp'

export function toJsRegExp(re: BSONRegExp): RegExp {
  // JS lacks MongoDB's x flag; i, m, s, u carry over
  return new RegExp(re.pattern, [...re.options].filter((f) => 'imsu'.includes(f)).join(''))
}

// MongoDB's BSON comparison order: null/missing < numbers < strings < objects < arrays < binary
// < ObjectId < booleans < dates < timestamps < regular expressions
const BSON_CLASS: Record<string, number> = {
  Int32: 2,
  Double: 2,
  Long: 2,
  Decimal128: 2,
  Binary: 6,
  ObjectID: 7,
  ObjectId: 7,
  Timestamp: 10,
  BSONRegExp: 11,
}

export function typeClass(v: unknown): number {
  if (v === undefined || v === null) return 1
  if (typeof v === 'number' || typeof v === 'bigint') return 2
  if (typeof v === 'string') return 3
  if (Array.isArray(v)) return 5
  if (typeof v === 'boolean') return 8
  if (v instanceof Date) return 9
  return BSON_CLASS[bsonType(v) ?? ''] ?? 4
}

const numberOf = (v: unknown) => (typeof v === 'object' && v !== null ? Number((v as { valueOf(): unknown }).valueOf()) : Number(v))

/** MongoDB's total order over values (sort order; equality is compare === 0) */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeClass(a)
  const rb = typeClass(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case 1:
      return 0
    case 2: {
      const x = numberOf(a)
      const y = numberOf(b)
      return x < y ? -1 : x > y ? 1 : 0
    }
    case 3:
      // MongoDB's default collation compares UTF-8 bytes
      return Buffer.compare(Buffer.from(a as string, 'utf8'), Buffer.from(b as string, 'utf8'))
    case 4: {
      const ea = Object.entries(a as Doc).filter(([, v]) => v !== undefined)
      const eb = Object.entries(b as Doc).filter(([, v]) => v !== undefined)
      for (let i = 0; i < Math.min(ea.length, eb.length); i++) {
        const byType = typeClass(ea[i][1]) - typeClass(eb[i][1])
        if (byType) return byType
        const byKey = compareValues(ea[i][0], eb[i][0])
        if (byKey) return byKey
        const byValue = compareValues(ea[i][1], eb[i][1])
        if (byValue) return byValue
      }
      return ea.length - eb.length
    }
    case 5: {
      const xa = a as unknown[]
      const xb = b as unknown[]
      for (let i = 0; i < Math.min(xa.length, xb.length); i++) {
        const c = compareValues(xa[i], xb[i])
        if (c) return c
      }
      return xa.length - xb.length
    }
    case 8:
      return Number(a) - Number(b)
    case 9:
      return (a as Date).getTime() - (b as Date).getTime()
    case 7:
      return compareValues(String(a), String(b))
    default:
      return compareValues(stringifyEJSON(a), stringifyEJSON(b))
  }
}

export const valuesEqual = (a: unknown, b: unknown) => typeClass(a) === typeClass(b) && compareValues(a, b) === 0

/** A deep copy, so a stored document never shares structure with a request or a response */
export function clone<T>(v: T): T {
  if (Array.isArray(v)) return v.map(clone) as T
  if (v instanceof Date) return new Date(v.getTime()) as T
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, clone(x)])) as T
  return v
}

/** `db.serverDate({ offset })` arrives as { $tcb_server_date: { offset } }: the server puts its clock there */
export function resolveServerDates(v: unknown, now: number): unknown {
  if (Array.isArray(v)) return v.map((x) => resolveServerDates(x, now))
  if (isPlainObject(v)) {
    const marker = v.$tcb_server_date
    if (isPlainObject(marker) && Object.keys(v).length === 1) return new Date(now + (Number(marker.offset) || 0))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resolveServerDates(x, now)]))
  }
  return v
}
