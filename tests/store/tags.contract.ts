import type { Store } from '../../cloudfunctions/ports/store'
import { defaultTags, TAGS_SEEDED_AT } from '../../src/domain/tags/default-tags'

/**
 * The tag part of the store contract (TagStore, docs/tags.md): the twenty defaults are there in a
 * fresh store, a saved tag reads back as saved, and a case's proposal is written once. Run against
 * every adapter. (Confirmed tags and the board's tag filter: board.contract.ts.)
 */
export function tagsContract(adapterName: string, open: () => Promise<Store>) {
  describe(`Tag store contract — ${adapterName}`, () => {
    let store: Store
    beforeAll(async () => {
      store = await open()
    })
    afterAll(async () => {
      await store?.close()
    })

    it('when a store is new, then it holds the twenty default tags in their order; a saved tag reads back as saved', async () => {
      expect(await store.listTags()).toEqual(defaultTags(TAGS_SEEDED_AT))
      const renamed = {
        ...defaultTags(TAGS_SEEDED_AT)[0],
        name: '产品质量',
        active: false,
        updatedAt: '2026-12-05T01:02:03.000Z',
        updatedBy: 'adm',
      }
      const added = {
        id: 't-new',
        name: '共享单车',
        phrases: ['单车', '押金'],
        active: true,
        position: 210,
        updatedAt: renamed.updatedAt,
        updatedBy: 'adm',
      }
      await store.saveTag(renamed)
      await store.saveTag(added)
      const tags = await store.listTags()
      expect(tags).toHaveLength(21)
      expect(tags[0]).toEqual(renamed)
      expect(tags.at(-1)).toEqual(added)
    })

    it('when a case’s proposal is written twice, then the first stays (a retried filing changes nothing)', async () => {
      await store.proposeCaseTags('case-tags-1', ['food-safety', 'return-exchange'])
      await store.proposeCaseTags('case-tags-1', ['car'])
      expect(await store.getCaseTags('case-tags-1')).toEqual({
        caseId: 'case-tags-1',
        proposed: ['food-safety', 'return-exchange'],
        confirmed: null,
        confirmedBy: null,
        confirmedAt: null,
      })
      expect(await store.getCaseTags('no-such-case')).toBeNull()
    })
  })
}
