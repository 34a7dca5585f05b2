import type { CollectionReference } from '@cloudbase/database'
import { startCloudbaseTestApp, type CloudbaseTestApp } from '../cloudbase-test-app'

// The loopback's document database, driven by the real @cloudbase/node-sdk: transactions
// (db.startTransaction / runTransaction → database.startTransaction, then the usual document
// actions carrying transactionId, then commitTransaction / abortTransaction).
let t: CloudbaseTestApp
beforeAll(async () => {
  t = await startCloudbaseTestApp()
})
afterAll(() => t.close())
beforeEach(async () => {
  t.loopback.db.reset()
  await t.db.collection('acct').add([
    { _id: 'a', balance: 100 },
    { _id: 'b', balance: 0 },
  ])
})

const CONFLICT = { code: 'DATABASE_TRANSACTION_CONFLICT' }
const balances = () => Object.fromEntries(t.loopback.db.docs('acct').map((d) => [d._id, d.balance]))

it('when a transaction commits, then its writes become visible together, and not before', async () => {
  const _ = t.db.command
  const tx = await t.db.startTransaction()
  await tx
    .collection('acct')
    .doc('a')
    .update({ balance: _.inc(-30) })
  await tx.collection('acct').doc('b').set({ balance: 30 })
  await tx.collection('acct').add({ _id: 'log1', what: 'transfer' })
  expect((await tx.collection('acct').doc('a').get()).data).toEqual({ _id: 'a', balance: 70 }) // reads its own writes
  expect((await t.db.collection('acct').doc('a').get()).data).toEqual([{ _id: 'a', balance: 100 }])
  expect((await t.db.collection('acct').doc('log1').get()).data).toEqual([])
  await tx.commit()
  expect(balances()).toEqual({ a: 70, b: 30, log1: undefined })
  expect(t.loopback.db.docs('acct').find((d) => d._id === 'log1')).toEqual({ _id: 'log1', what: 'transfer' })
})

it('when a transaction is rolled back, then nothing it wrote remains', async () => {
  const tx = await t.db.startTransaction()
  await tx.collection('acct').doc('a').update({ balance: 1 })
  await tx.collection('acct').doc('b').delete()
  await tx.collection('acct').add({ _id: 'c', balance: 5 })
  await tx.rollback()
  expect(balances()).toEqual({ a: 100, b: 0 })
  expect(t.loopback.db.engine.openTransactions()).toBe(0)
})

it('when a transaction reads, then it sees the snapshot of its start, not later commits', async () => {
  const tx = await t.db.startTransaction()
  await t.db.collection('acct').doc('a').update({ balance: 999 })
  await t.db.collection('acct').add({ _id: 'late', balance: 1 })
  expect((await tx.collection('acct').doc('a').get()).data).toEqual({ _id: 'a', balance: 100 })
  expect((await tx.collection('acct').doc('late').get()).data).toBeNull()
  await tx.rollback()
})

it('when two open transactions write the same document, then the second gets DATABASE_TRANSACTION_CONFLICT and the first commits', async () => {
  const t1 = await t.db.startTransaction()
  const t2 = await t.db.startTransaction()
  await t1.collection('acct').doc('a').update({ balance: 1 })
  await expect(t2.collection('acct').doc('a').update({ balance: 2 })).rejects.toMatchObject(CONFLICT)
  await expect(t2.commit()).rejects.toMatchObject(CONFLICT) // the conflict aborted it
  await t1.commit()
  expect(balances().a).toBe(1)
})

it('when a transaction writes a document committed by another after it started, then it conflicts', async () => {
  const t1 = await t.db.startTransaction()
  const t2 = await t.db.startTransaction()
  await t1.collection('acct').doc('b').update({ balance: 7 })
  await t1.commit()
  await expect(t2.collection('acct').doc('b').delete()).rejects.toMatchObject(CONFLICT)
  expect(balances().b).toBe(7)
})

it('when a plain write hits a document an open transaction wrote, then the plain write wins and the transaction conflicts', async () => {
  const tx = await t.db.startTransaction()
  await tx.collection('acct').doc('a').update({ balance: 1 })
  await t.db.collection('acct').doc('a').update({ balance: 2 })
  await expect(tx.commit()).rejects.toMatchObject(CONFLICT)
  expect(balances().a).toBe(2)
})

it('when 20 transactions each read an _id absent and then insert it, then exactly one commits', async () => {
  const attempt = async (n: number) => {
    const tx = await t.db.startTransaction()
    try {
      const { data } = await tx.collection('guards').doc('only').get()
      if (data !== null) throw new Error('already taken')
      await tx.collection('guards').add({ _id: 'only', by: n })
      await tx.commit()
      return 'committed'
    } catch (err) {
      await tx.rollback().catch(() => undefined)
      return (err as { code?: string }).code ?? 'other'
    }
  }
  const outcomes = await Promise.all(Array.from({ length: 20 }, (_, n) => attempt(n)))
  expect(outcomes.filter((o) => o === 'committed')).toHaveLength(1)
  expect(outcomes.filter((o) => o !== 'committed').every((o) => o === 'DATABASE_TRANSACTION_CONFLICT' || o === 'other')).toBe(true)
  expect(outcomes.filter((o) => o === 'DATABASE_TRANSACTION_CONFLICT').length).toBeGreaterThan(0)
  expect(t.loopback.db.docs('guards')).toHaveLength(1)
})

it('when runTransaction meets a conflict, then the SDK retries the callback and the retry commits', async () => {
  const _ = t.db.command
  let runs = 0
  const result = await t.db.runTransaction(async (tx: { collection(name: string): CollectionReference }) => {
    runs++
    const { data } = await tx.collection('acct').doc('a').get()
    // the first run is overtaken by a plain write between its read and its write
    if (runs === 1)
      await t.db
        .collection('acct')
        .doc('a')
        .update({ balance: _.inc(1) })
    await tx
      .collection('acct')
      .doc('a')
      .update({ balance: (data as { balance: number }).balance + 10 })
    return runs
  })
  expect(result).toBe(2)
  expect(balances().a).toBe(111)
})

it('when a transaction queries with where(), then it is refused: transactions are single-document', async () => {
  const tx = await t.db.startTransaction()
  await expect(tx.collection('acct').where({ balance: 0 }).get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  await tx.rollback()
})

it('when a transaction is used after it ended, then DATABASE_TRANSACTION_FAIL (TransactionNotExist) comes back', async () => {
  const tx = await t.db.startTransaction()
  await tx.commit()
  await expect(tx.commit()).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  const err = await tx
    .collection('acct')
    .doc('a')
    .get()
    .catch((e: Error) => e)
  expect(err).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('TransactionNotExist') })
})

it('when many plain writes follow a transaction start, then the transaction still reads its snapshot and old versions are let go after', async () => {
  const _ = t.db.command
  const tx = await t.db.startTransaction()
  for (let i = 0; i < 5; i++)
    await t.db
      .collection('acct')
      .doc('b')
      .update({ balance: _.inc(1) })
  expect((await tx.collection('acct').doc('b').get()).data).toEqual({ _id: 'b', balance: 0 })
  await tx.rollback()
  await t.db.collection('acct').doc('a').remove()
  await t.db.collection('acct').add({ _id: 'a', balance: 9 }) // the freed _id makes a new document, last in natural order
  expect(t.loopback.db.docs('acct')).toEqual([
    { _id: 'b', balance: 5 },
    { _id: 'a', balance: 9 },
  ])
  expect((await t.db.collection('acct').get()).data.map((d: { _id: string }) => d._id)).toEqual(['b', 'a'])
})
