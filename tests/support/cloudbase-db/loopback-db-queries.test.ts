import { startCloudbaseTestApp, type CloudbaseTestApp } from '../cloudbase-test-app'

// The loopback's document database, driven by the real @cloudbase/node-sdk: queries.
let t: CloudbaseTestApp
beforeAll(async () => {
  t = await startCloudbaseTestApp()
})
afterAll(() => t.close())
beforeEach(() => t.loopback.db.reset())

const people = [
  { _id: 'p1', name: 'Ann', age: 30, city: { name: 'Shanghai', zip: '200000' }, tags: ['a', 'b'], at: new Date('2026-01-01T00:00:00Z') },
  { _id: 'p2', name: 'bob', age: 25, city: { name: 'Beijing', zip: '100000' }, tags: ['b'], at: new Date('2026-02-01T00:00:00Z') },
  {
    _id: 'p3',
    name: 'Cid',
    age: 35,
    city: { name: 'Shanghai', zip: '200001' },
    tags: [],
    nick: null,
    at: new Date('2026-03-01T00:00:00Z'),
  },
  { _id: 'p4', name: 'Dee', age: 25, tags: ['c'], at: new Date('2026-04-01T00:00:00Z') },
]
const ids = (r: { data: { _id?: unknown }[] }) => r.data.map((d) => d._id)

describe('query operators as the SDK serializes them', () => {
  beforeEach(async () => {
    await t.db.collection('people').add(people)
  })
  const where = (q: object) => t.db.collection('people').where(q).get()

  it('when comparing with eq/neq/gt/gte/lt/lte, then MongoDB semantics apply', async () => {
    const _ = t.db.command
    expect(ids(await where({ age: _.eq(25) }))).toEqual(['p2', 'p4'])
    expect(ids(await where({ age: _.neq(25) }))).toEqual(['p1', 'p3'])
    expect(ids(await where({ age: _.gt(25) }))).toEqual(['p1', 'p3'])
    expect(ids(await where({ age: _.gte(30) }))).toEqual(['p1', 'p3'])
    expect(ids(await where({ age: _.lt(30) }))).toEqual(['p2', 'p4'])
    expect(ids(await where({ age: _.lte(30) }))).toEqual(['p1', 'p2', 'p4'])
    expect(ids(await where({ name: _.gt(25) }))).toEqual([]) // no comparison across types
  })

  it('when using in/nin, then membership is tested, arrays matching by element', async () => {
    const _ = t.db.command
    expect(ids(await where({ age: _.in([30, 35]) }))).toEqual(['p1', 'p3'])
    expect(ids(await where({ age: _.nin([30, 35]) }))).toEqual(['p2', 'p4'])
    expect(ids(await where({ tags: _.in(['c', 'a']) }))).toEqual(['p1', 'p4'])
  })

  it('when combining with _.and/_.or and chained commands, then the logic holds', async () => {
    const _ = t.db.command
    expect(ids(await where(_.or([{ age: 35 }, { name: 'bob' }])))).toEqual(['p2', 'p3'])
    expect(ids(await where(_.and([{ age: 25 }, { tags: 'c' }])))).toEqual(['p4'])
    expect(ids(await where({ age: _.gt(24).and(_.lt(31)) }))).toEqual(['p1', 'p2', 'p4'])
    expect(ids(await where({ age: _.lt(26).or(_.gt(34)) }))).toEqual(['p2', 'p3', 'p4'])
    expect(ids(await where({ age: _.or(_.eq(30), _.eq(35)) }))).toEqual(['p1', 'p3'])
  })

  it('when testing exists and null, then missing and null differ as in MongoDB', async () => {
    const _ = t.db.command
    expect(ids(await where({ city: _.exists(false) }))).toEqual(['p4'])
    expect(ids(await where({ nick: _.exists(true) }))).toEqual(['p3'])
    expect(ids(await where({ nick: null }))).toEqual(['p1', 'p2', 'p3', 'p4'])
    expect(ids(await where({ nick: _.neq(null) }))).toEqual([])
  })

  it('when matching a db.RegExp or a JS RegExp, then options such as i apply', async () => {
    expect(ids(await where({ name: t.db.RegExp({ regexp: '^b', options: 'i' }) }))).toEqual(['p2'])
    expect(ids(await where({ name: t.db.RegExp({ regexp: '^B' }) }))).toEqual([])
    expect(ids(await where({ name: /^(ann|dee)$/i }))).toEqual(['p1', 'p4'])
  })

  it("when querying nested paths as 'a.b' or nested objects, then both reach the field", async () => {
    const _ = t.db.command
    expect(ids(await where({ 'city.name': 'Shanghai' }))).toEqual(['p1', 'p3'])
    expect(ids(await where({ city: { zip: _.gt('200000') } }))).toEqual(['p3'])
  })

  it('when comparing arrays, objects and dates, then whole-value equality, element equality and Date order apply', async () => {
    const _ = t.db.command
    expect(ids(await where({ tags: ['a', 'b'] }))).toEqual(['p1'])
    expect(ids(await where({ tags: ['b', 'a'] }))).toEqual([])
    expect(ids(await where({ tags: 'b' }))).toEqual(['p1', 'p2'])
    expect(ids(await where({ tags: _.size(0) }))).toEqual(['p3'])
    // a whole embedded object (reachable through _.eq; a plain nested object is flattened to 'a.b' paths) equals field by field, in order
    expect(ids(await where({ city: _.eq({ name: 'Beijing', zip: '100000' }) }))).toEqual(['p2'])
    expect(ids(await where({ city: _.eq({ zip: '100000', name: 'Beijing' }) }))).toEqual([])
    expect(ids(await where({ city: _.eq({ name: 'Beijing' }) }))).toEqual([])
    expect(ids(await where({ at: _.gte(new Date('2026-03-01T00:00:00Z')) }))).toEqual(['p3', 'p4'])
  })

  it('when documents come back, then dates are Dates and every document has its _id', async () => {
    const { data } = await t.db.collection('people').doc('p2').get()
    expect(data).toEqual([people[1]])
    expect(data[0].at).toBeInstanceOf(Date)
  })
})

describe('order, skip, limit, projection, count', () => {
  beforeEach(async () => {
    await t.db.collection('people').add(people)
  })

  it('when ordering by several fields, then later fields break ties (strings by bytes: "bob" > "Dee")', async () => {
    const r = await t.db.collection('people').orderBy('age', 'asc').orderBy('name', 'desc').get()
    expect(ids(r)).toEqual(['p2', 'p4', 'p1', 'p3'])
    const byCity = await t.db.collection('people').orderBy('city.name', 'asc').orderBy('age', 'desc').get()
    expect(ids(byCity)).toEqual(['p4', 'p2', 'p3', 'p1']) // a missing field sorts first
  })

  it('when skipping and limiting, then the page is cut after ordering', async () => {
    const r = await t.db.collection('people').orderBy('age', 'desc').skip(1).limit(2).get()
    expect(ids(r)).toEqual(['p1', 'p2'])
  })

  it('when projecting, then only the chosen fields (plus _id unless excluded) come back', async () => {
    const inc = await t.db.collection('people').where({ _id: 'p1' }).field({ name: true, 'city.name': true }).get()
    expect(inc.data).toEqual([{ _id: 'p1', name: 'Ann', city: { name: 'Shanghai' } }])
    const exc = await t.db.collection('people').doc('p4').field({ tags: false, at: false, _id: false }).get()
    expect(exc.data).toEqual([{ name: 'Dee', age: 25 }])
  })

  it('when counting, then the matching documents are counted', async () => {
    const _ = t.db.command
    expect(
      (
        await t.db
          .collection('people')
          .where({ age: _.lt(31) })
          .count()
      ).total,
    ).toBe(3)
    expect((await t.db.collection('people').count()).total).toBe(4)
  })
})

describe('page sizes', () => {
  beforeEach(async () => {
    const docs = Array.from({ length: 1200 }, (_, i) => ({ n: i }))
    await t.db.collection('many').add(docs)
  })

  it('when get() has no limit, then 100 documents come back', async () => {
    expect((await t.db.collection('many').get()).data).toHaveLength(100)
  })

  it('when the SDK asks for more than 1000, then it sends 1000 and gets 1000', async () => {
    expect((await t.db.collection('many').limit(5000).get()).data).toHaveLength(1000)
    expect(t.loopback.adminCalls.at(-1)?.body.limit).toBe(1000)
  })

  const rawGet = async (extra: object) => {
    const res = await fetch(`${t.loopback.serviceUrl}?env=${t.loopback.env}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'signed' },
      body: JSON.stringify({ action: 'database.getDocument', envName: t.loopback.env, collectionName: 'many', ...extra }),
    })
    return ((await res.json()) as { data: { list: string[]; limit: number } }).data
  }

  it('when a raw request asks for more than 1000, then the server caps the page at 1000', async () => {
    const data = await rawGet({ limit: 5000 })
    expect(data.list).toHaveLength(1000)
    expect(data.limit).toBe(1000)
  })

  it('when a raw request names no limit, then the server answers 100', async () => {
    expect((await rawGet({})).list).toHaveLength(100)
  })
})
