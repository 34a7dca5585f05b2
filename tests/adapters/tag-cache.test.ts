import type { TagStore } from '../../cloudfunctions/ports/tag-store'
import { cachedTags } from '../../cloudfunctions/adapters/tag-cache'
import { defaultTags } from '../../src/domain/tags/default-tags'
import type { Tag } from '../../src/domain/tags/tag.schema'

// The in-process tag list (tag-cache.ts): reads are reused for the TTL, a save in this process is seen
// at once, and a read that overlapped a save is answered but not kept.
function countingStore(initial: Tag[]) {
  let tags = initial
  let reads = 0
  let gate: Promise<void> | null = null
  const inner: TagStore = {
    listTags: async () => {
      reads++
      const now = tags
      if (gate) await gate
      return now
    },
    saveTag: async (t) => {
      tags = [...tags.filter((x) => x.id !== t.id), t]
    },
    getCaseTags: async () => null,
    proposeCaseTags: async () => undefined,
    confirmCaseTags: async () => undefined,
  }
  return { inner, reads: () => reads, hold: (p: Promise<void> | null) => (gate = p) }
}

describe('cachedTags', () => {
  const tags = defaultTags('2026-12-01T00:00:00.000Z')
  const renamed = { ...tags[0], name: '产品质量' }

  it('when the list is read twice within the TTL, then the store is asked once; after the TTL, again', async () => {
    let clock = 0
    const s = countingStore(tags)
    const cached = cachedTags(s.inner, 1000, () => clock)
    await cached.listTags()
    await cached.listTags()
    expect(s.reads()).toBe(1)
    clock = 1001
    await cached.listTags()
    expect(s.reads()).toBe(2)
  })

  it('when a tag is saved in this process, then the next read has it', async () => {
    const s = countingStore(tags)
    const cached = cachedTags(s.inner, 60_000, () => 0)
    await cached.listTags()
    await cached.saveTag(renamed)
    expect((await cached.listTags()).find((t) => t.id === renamed.id)?.name).toBe('产品质量')
  })

  it('when a read began before a save and ends after it, then its old list is answered but not kept', async () => {
    const s = countingStore(tags)
    const cached = cachedTags(s.inner, 60_000, () => 0)
    let release = () => {}
    void s.hold(new Promise<void>((r) => (release = r)))
    const slow = cached.listTags()
    await cached.saveTag(renamed)
    release()
    expect((await slow).find((t) => t.id === renamed.id)?.name).toBe('质量问题')
    void s.hold(null)
    expect((await cached.listTags()).find((t) => t.id === renamed.id)?.name).toBe('产品质量')
  })
})
