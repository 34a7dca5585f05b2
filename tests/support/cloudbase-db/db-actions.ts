import { clone, isPlainObject, parseEJSON, resolveServerDates, stringifyEJSON, valuesEqual, type Doc } from './bson-values'
import { collectionExists, DbError, invalidParam, requestFailed } from './db-errors'
import { DocEngine } from './doc-engine'
import { PathError } from './field-paths'
import { runPipeline } from './aggregate'
import { matches, QueryError } from './query-matcher'
import { project, ShapeError, sortDocs } from './query-shaping'
import { applyUpdate, UpdateError } from './update-operators'

// The database.* actions @cloudbase/database 1.4.3 sends through @cloudbase/node-sdk (POST /admin,
// JSON { action, envName, collectionName, …, transactionId? }), with the answers the SDK reads:
//   insertDocument     { data: [ejson…], transactionId? }                 → { data: { insertedIds } }
//   getDocument        { query?, order?, offset?, limit, projection?, queryType, multi?, transactionId? }
//                                                                         → { data: { list: [ejson…], limit, offset } }
//   modifyDocument     { query?, data, multi, merge, upsert, queryType, transactionId? }
//                                                                         → { data: { updated, upsert_id? } }
//   modifyAndReturnDoc { query?, data, transactionId? }                   → { data: { updated, doc: ejson | null } }
//   removeDocument     { query?, multi, queryType, transactionId? }       → { data: { deleted } }
//   calculateDocument  { query? }                                         → { data: { total } }
//   aggregateDocuments { stages: [{ stageKey, stageValue: json }] }       → { data: { list: [ejson…] } }
//   addCollection      { collectionName }                                 → {}
//   startTransaction   {}                                                 → { transactionId }
//   commitTransaction / abortTransaction { transactionId }              → {}
// query/order/projection/data travel as EJSON strings ({ relaxed: false }).

/** get() without limit() returns 100; CloudBase's server side caps a page at 1000 (the SDK also clamps) */
export const DEFAULT_LIMIT = 100
export const MAX_LIMIT = 1000

type Body = Record<string, unknown>

export function handleDatabaseAction(engine: DocEngine, action: string, body: Body, now = Date.now()): Body {
  try {
    return dispatch(engine, action, body, now)
  } catch (err) {
    if (err instanceof DbError) return { code: err.code, message: err.message }
    if (err instanceof QueryError || err instanceof UpdateError || err instanceof PathError || err instanceof ShapeError)
      return { code: 'DATABASE_REQUEST_FAILED', message: err.message }
    throw err
  }
}

function dispatch(engine: DocEngine, action: string, body: Body, now: number): Body {
  switch (action) {
    case 'database.startTransaction':
      return { transactionId: engine.startTransaction() }
    case 'database.commitTransaction':
      engine.commit(String(body.transactionId))
      return {}
    case 'database.abortTransaction':
      engine.abort(String(body.transactionId))
      return {}
    case 'database.addCollection':
      if (!engine.createCollection(collection(body))) throw collectionExists(collection(body))
      return {}
    case 'database.insertDocument':
      return insertDocuments(engine, body, now)
    case 'database.getDocument':
      return getDocuments(engine, body)
    case 'database.calculateDocument':
      return { data: { total: engine.scan(collection(body)).filter(byQuery(body)).length } }
    case 'database.modifyDocument':
      return modifyDocuments(engine, body, now)
    case 'database.modifyAndReturnDoc':
      return modifyAndReturn(engine, body, now)
    case 'database.removeDocument':
      return removeDocuments(engine, body)
    case 'database.aggregateDocuments':
      return { data: { list: runPipeline(engine.scan(collection(body)), stagesOf(body)).map(stringifyEJSON) } }
  }
  throw new DbError('INVALID_ACTION', `unknown action ${action}`)
}

function collection(body: Body): string {
  if (typeof body.collectionName !== 'string' || !body.collectionName) throw invalidParam('collectionName is required')
  return body.collectionName
}

const txnOf = (body: Body) => (typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined)

function ejsonParam(body: Body, name: string): unknown {
  const raw = body[name]
  if (raw === undefined || raw === null || raw === '') return undefined
  if (typeof raw !== 'string') return raw
  try {
    return parseEJSON(raw)
  } catch {
    throw invalidParam(`${name} is not valid EJSON`)
  }
}

function byQuery(body: Body): (doc: Doc) => boolean {
  const query = ejsonParam(body, 'query') ?? {}
  return (doc) => matches(doc, query)
}

/** Transactions allow single-document operations only (CloudBase: 事务中只允许单记录操作) */
function singleDocId(body: Body): unknown {
  const query = ejsonParam(body, 'query')
  const idOnly = isPlainObject(query) && Object.keys(query).length === 1 && '_id' in query && !isPlainObject(query._id)
  if (!idOnly) throw requestFailed('transaction only supports single document operations by _id')
  return (query as Doc)._id
}

function insertDocuments(engine: DocEngine, body: Body, now: number): Body {
  const name = collection(body)
  if (!Array.isArray(body.data) || body.data.length === 0) throw invalidParam('data must be a nonempty array')
  const docs = body.data.map((item) => {
    const doc = resolveServerDates(typeof item === 'string' ? parseEJSON(item) : item, now)
    if (!isPlainObject(doc)) throw invalidParam('each document must be an object')
    return doc._id === undefined ? { _id: engine.newId(), ...doc } : doc
  })
  // like MongoDB's ordered insertMany: what precedes a failing document stays inserted
  const insertedIds: unknown[] = []
  for (const doc of docs) {
    engine.insert(name, doc, txnOf(body))
    insertedIds.push(doc._id)
  }
  return { data: { insertedIds } }
}

function getDocuments(engine: DocEngine, body: Body): Body {
  const name = collection(body)
  const txn = txnOf(body)
  const offset = Number(body.offset ?? 0)
  const asked = body.limit === undefined ? DEFAULT_LIMIT : Number(body.limit)
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(asked) || asked < 0)
    throw invalidParam('offset and limit must be non-negative integers')
  const limit = Math.min(asked || DEFAULT_LIMIT, MAX_LIMIT)
  let docs: Doc[]
  if (txn) {
    const doc = engine.read(name, singleDocId(body), txn)
    docs = doc ? [doc] : []
  } else {
    docs = sortDocs(engine.scan(name).filter(byQuery(body)), ejsonParam(body, 'order'))
    if (body.multi === false) docs = docs.slice(0, 1)
  }
  const projection = ejsonParam(body, 'projection')
  const list = docs.slice(offset, offset + limit).map((d) => stringifyEJSON(project(d, projection)))
  return { data: { list, limit, offset } }
}

/** Documents an update or remove touches: the one by _id in a transaction, else the query's matches */
function targets(engine: DocEngine, body: Body): Doc[] {
  const name = collection(body)
  const txn = txnOf(body)
  if (txn) {
    const doc = engine.read(name, singleDocId(body), txn)
    return doc ? [doc] : []
  }
  const docs = engine.scan(name).filter(byQuery(body))
  return body.multi === true ? docs : docs.slice(0, 1)
}

function updateData(body: Body, now: number): Doc {
  const data = resolveServerDates(ejsonParam(body, 'data'), now)
  if (!isPlainObject(data)) throw invalidParam('data must be an object')
  return data
}

function modifyDocuments(engine: DocEngine, body: Body, now: number): Body {
  const name = collection(body)
  const data = updateData(body, now)
  const merge = body.merge !== false
  const found = targets(engine, body)
  const updates = found.map((doc) => [doc, applyUpdate(doc, data, merge)] as const)
  let updated = 0
  for (const [before, after] of updates) {
    // MongoDB counts (and writes) only documents that change: an identical update reports 0
    if (valuesEqual(before, after)) continue
    engine.write(name, before._id, after, txnOf(body))
    updated++
  }
  if (found.length === 0 && body.upsert === true) {
    const query = ejsonParam(body, 'query')
    const seed: Doc = {}
    if (isPlainObject(query)) for (const [k, v] of Object.entries(query)) if (!k.startsWith('$') && !isPlainObject(v)) seed[k] = clone(v)
    if (seed._id === undefined) seed._id = engine.newId()
    const doc = applyUpdate(seed, data, merge)
    engine.insert(name, doc, txnOf(body))
    return { data: { updated: 0, upsert_id: doc._id } }
  }
  return { data: { updated } }
}

function modifyAndReturn(engine: DocEngine, body: Body, now: number): Body {
  const name = collection(body)
  const data = updateData(body, now)
  const [doc] = targets(engine, { ...body, multi: false })
  if (!doc) return { data: { updated: 0, doc: null } }
  const after = applyUpdate(doc, data, true)
  const changed = !valuesEqual(doc, after)
  if (changed) engine.write(name, doc._id, after, txnOf(body))
  return { data: { updated: changed ? 1 : 0, doc: stringifyEJSON(after) } }
}

function removeDocuments(engine: DocEngine, body: Body): Body {
  const name = collection(body)
  const found = targets(engine, body)
  for (const doc of found) engine.write(name, doc._id, null, txnOf(body))
  return { data: { deleted: found.length } }
}

function stagesOf(body: Body): Doc[] {
  if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array')
  return body.stages.map((s: { stageKey?: unknown; stageValue?: unknown }) => {
    if (typeof s?.stageKey !== 'string' || typeof s.stageValue !== 'string') throw invalidParam('bad stage')
    return { [s.stageKey]: parseEJSON(s.stageValue) }
  })
}
