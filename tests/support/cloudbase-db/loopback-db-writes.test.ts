import { startCloudbaseTestApp, type CloudbaseTestApp } from '../cloudbase-test-app'

// The loopback's document database, driven by the real @cloudbase/node-sdk: inserts, updates, removes.
let t: CloudbaseTestApp
beforeAll(async () => {
  t = await startCloudbaseTestApp()
})
afterAll(() => t.close())
beforeEach(() => t.loopback.db.reset())

const docs = (name = 'things') => t.loopback.db.docs(name)

describe('inserts', () => {
  it('when adding without an _id, then the server makes one and answers it', async () => {
    const { id } = await t.db.collection('things').add({ n: 1 })
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(docs()).toEqual([{ _id: id, n: 1 }])
  })

  it('when an _id exists already, then the insert fails with DATABASE_DUPLICATE_WRITE and the E11000 text', async () => {
    await t.db.collection('things').add({ _id: 'x', n: 1 })
    const err = await t.db
      .collection('things')
      .add({ _id: 'x', n: 2 })
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect((err as Error).message).toMatch(/E11000 duplicate key error collection: .*things index: _id_ dup key: \{ _id: "x" \}/)
    expect(docs()).toEqual([{ _id: 'x', n: 1 }])
  })

  it('when a batch hits a duplicate, then the documents before it stay (an ordered insert)', async () => {
    await t.db.collection('things').add({ _id: 'b' })
    await expect(t.db.collection('things').add([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }])).rejects.toMatchObject({
      code: 'DATABASE_DUPLICATE_WRITE',
    })
    expect(docs().map((d) => d._id)).toEqual(['b', 'a'])
  })

  it('when a document is over 512 KB, then it is refused, on insert and on update', async () => {
    const big = 'x'.repeat(512 * 1024)
    await expect(t.db.collection('things').add({ _id: 'big', big })).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await t.db.collection('things').add({ _id: 'small', s: 'x'.repeat(500 * 1024) })
    await expect(
      t.db
        .collection('things')
        .doc('small')
        .update({ more: 'y'.repeat(20 * 1024) }),
    ).rejects.toMatchObject({
      code: 'DATABASE_REQUEST_FAILED',
    })
    expect(docs().map((d) => d._id)).toEqual(['small'])
  })

  it('when db.serverDate() is written, then the server stores its own clock as a Date', async () => {
    await t.db.collection('things').add({ _id: 'd', at: t.db.serverDate() })
    expect(docs()[0].at).toBeInstanceOf(Date)
  })
})

describe('updates', () => {
  beforeEach(async () => {
    await t.db.collection('things').add([
      { _id: 'u1', n: 1, list: ['a'], o: { x: 1, y: 2 }, gone: true },
      { _id: 'u2', n: 2, list: [], o: { x: 5 } },
    ])
  })

  it('when update uses _.inc/_.set/_.remove/_.push/_.mul, then each operator applies as in MongoDB', async () => {
    const _ = t.db.command
    const res = await t.db
      .collection('things')
      .doc('u1')
      .update({ n: _.inc(2), o: _.set({ z: 9 }), gone: _.remove(), list: _.push(['b', 'c']), m: _.mul(3), fresh: _.inc(1) })
    expect(res.updated).toBe(1)
    expect(docs()[0]).toEqual({ _id: 'u1', n: 3, o: { z: 9 }, list: ['a', 'b', 'c'], m: 0, fresh: 1 })
  })

  it('when update gives a nested object, then it merges field by field (not a replacement)', async () => {
    await t.db
      .collection('things')
      .doc('u1')
      .update({ o: { y: 3, w: 4 } })
    expect(docs()[0].o).toEqual({ x: 1, y: 3, w: 4 })
  })

  it('when _.pop/_.shift/_.unshift/_.addToSet/_.pull change arrays, then the arrays change like MongoDB', async () => {
    const _ = t.db.command
    await t.db
      .collection('things')
      .doc('u1')
      .update({ list: _.unshift(['z']) })
    await t.db
      .collection('things')
      .doc('u1')
      .update({ list: _.addToSet('a') })
    expect(docs()[0].list).toEqual(['z', 'a'])
    await t.db
      .collection('things')
      .doc('u1')
      .update({ list: _.pull('z') })
    await t.db
      .collection('things')
      .doc('u2')
      .update({ list: _.push(['p', 'q', 'r']) })
    await t.db.collection('things').doc('u2').update({ list: _.pop() })
    expect(docs().map((d) => d.list)).toEqual([['a'], ['p', 'q']])
    await t.db.collection('things').doc('u2').update({ list: _.shift() })
    expect(docs()[1].list).toEqual(['q'])
  })

  it('when where().update() matches several documents, then all change and the count says so; identical values count 0', async () => {
    const _ = t.db.command
    expect(
      (
        await t.db
          .collection('things')
          .where({ n: _.gte(1) })
          .update({ flag: true })
      ).updated,
    ).toBe(2)
    expect(
      (
        await t.db
          .collection('things')
          .where({ n: _.gte(1) })
          .update({ flag: true })
      ).updated,
    ).toBe(0)
    expect(docs().map((d) => d.flag)).toEqual([true, true])
  })

  it('when doc().set() targets an existing document, then it replaces it whole; an absent one is created (upsert)', async () => {
    const replaced = await t.db.collection('things').doc('u1').set({ only: 1 })
    expect(replaced).toMatchObject({ updated: 1 })
    const created = await t.db.collection('things').doc('new').set({ born: true })
    expect(created).toMatchObject({ updated: 0, upsertedId: 'new' })
    expect(docs()).toEqual([
      { _id: 'u1', only: 1 },
      { _id: 'u2', n: 2, list: [], o: { x: 5 } },
      { _id: 'new', born: true },
    ])
  })

  it('when doc().update() targets a missing document, then nothing is created', async () => {
    expect((await t.db.collection('things').doc('nope').update({ n: 1 })).updated).toBe(0)
    expect(docs()).toHaveLength(2)
  })

  it('when an operator meets the wrong type, then the update fails with DATABASE_REQUEST_FAILED', async () => {
    const _ = t.db.command
    await expect(
      t.db
        .collection('things')
        .doc('u1')
        .update({ list: _.inc(1) }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
    await expect(
      t.db
        .collection('things')
        .doc('u1')
        .update({ n: _.push(['x']) }),
    ).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })

  it('when updateAndReturn() runs, then the first match changes and comes back updated', async () => {
    const _ = t.db.command
    const res = await t.db
      .collection('things')
      .where({ _id: 'u2' })
      .updateAndReturn({ n: _.inc(10) })
    expect(res).toMatchObject({ updated: 1, doc: { _id: 'u2', n: 12 } })
  })
})

describe('removes, aggregation, counting and faults', () => {
  beforeEach(async () => {
    await t.db.collection('things').add([
      { _id: 'r1', k: 'a', v: 1 },
      { _id: 'r2', k: 'a', v: 2 },
      { _id: 'r3', k: 'b', v: 3 },
    ])
  })

  it('when removing by doc() and by where(), then exactly the matches go and the count says so', async () => {
    expect((await t.db.collection('things').doc('r3').remove()).deleted).toBe(1)
    expect((await t.db.collection('things').doc('r3').remove()).deleted).toBe(0)
    expect((await t.db.collection('things').where({ k: 'a', v: 2 }).remove()).deleted).toBe(1)
    expect(docs().map((d) => d._id)).toEqual(['r1'])
  })

  it('when a query runs with multiple: false, then only its first match is removed or updated', async () => {
    const first = t.db.collection('things').where({ k: 'a' }).options({ multiple: false })
    expect((await first.update({ seen: true })).updated).toBe(1)
    expect((await first.remove()).deleted).toBe(1)
    expect(docs()).toEqual([
      { _id: 'r2', k: 'a', v: 2 },
      { _id: 'r3', k: 'b', v: 3 },
    ])
  })

  it('when aggregating with match/group/sort, then groups come back with their sums and minima', async () => {
    const _ = t.db.command
    const res = await t.db
      .collection('things')
      .aggregate()
      .match({ v: _.gte(1) })
      .group({ _id: '$k', count: { $sum: 1 }, total: { $sum: '$v' }, least: { $min: '$v' } })
      .sort({ _id: 1 })
      .end()
    expect(res.data).toEqual([
      { _id: 'a', count: 2, total: 3, least: 1 },
      { _id: 'b', count: 1, total: 3, least: 3 },
    ])
  })

  it('when a fault is set for an action, then its next call answers that error once, and calls are counted', async () => {
    const db = t.loopback.db
    db.calls.clear()
    db.faults.set('database.getDocument', { code: 'DATABASE_REQUEST_FAILED', message: 'injected' })
    await expect(t.db.collection('things').doc('r1').get()).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: 'injected' })
    expect((await t.db.collection('things').doc('r1').get()).data).toHaveLength(1)
    db.faults.set('database.removeDocument', { code: 'SYS_ERR', message: 'reply lost', after: true })
    await expect(t.db.collection('things').doc('r1').remove()).rejects.toMatchObject({ code: 'SYS_ERR' })
    expect(docs().map((d) => d._id)).toEqual(['r2', 'r3']) // it happened all the same
    expect(Object.fromEntries(db.calls)).toEqual({ 'database.getDocument': 2, 'database.removeDocument': 1 })
  })

  it('when one app uses storage and the database, then both answer on the same loopback', async () => {
    await t.app.uploadFile({ cloudPath: 'evidence/k', fileContent: Buffer.from('hi') })
    await t.db.collection('things').doc('r1').update({ file: 'evidence/k' })
    expect(t.loopback.objects.get('evidence/k')).toEqual(Buffer.from('hi'))
    expect(docs()[0].file).toBe('evidence/k')
  })

  it('when collections are strict, then a missing collection answers DATABASE_COLLECTION_NOT_EXIST until created', async () => {
    t.loopback.db.engine.strictCollections = true
    try {
      await expect(t.db.collection('absent').add({ n: 1 })).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
      await t.db.createCollection('absent')
      await t.db.collection('absent').add({ n: 1 })
      expect(docs('absent')).toHaveLength(1)
    } finally {
      t.loopback.db.engine.strictCollections = false
    }
  })
})
