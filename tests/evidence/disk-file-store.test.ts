import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { diskFileStore } from '../../cloudfunctions/adapters/files/disk-file-store'
import { treeOf } from './support/tree'

describe('diskFileStore — evidence bytes on disk', () => {
  let base: string
  let root: string
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'kuaisu-disk-'))
    root = join(base, 'files')
  })
  afterEach(() => rmSync(base, { recursive: true, force: true }))

  it('when bytes are put and got back, then they are identical, sharded by the first two characters', async () => {
    const store = diskFileStore(root)
    const bytes = new Uint8Array([0, 1, 2, 255, 254])
    await store.put('ab12cd34ef56', bytes)
    expect(await store.get('ab12cd34ef56')).toEqual(bytes)
    expect(treeOf(root)).toEqual(['ab/ab12cd34ef56'])
  })

  it('when a file is written, then only its owner may read it (0600) and no temp file is left', async () => {
    const store = diskFileStore(root)
    await store.put('0123456789abcdef', new Uint8Array([1]))
    expect(statSync(join(root, '01', '0123456789abcdef')).mode & 0o777).toBe(0o600)
    expect(statSync(join(root, '01')).mode & 0o077).toBe(0)
    expect(treeOf(root)).toEqual(['01/0123456789abcdef'])
  })

  it('when the same key is put again, then the new bytes replace the old ones whole', async () => {
    const store = diskFileStore(root)
    await store.put('key-00000001', new Uint8Array(1000).fill(1))
    await store.put('key-00000001', new Uint8Array([2, 2]))
    expect(await store.get('key-00000001')).toEqual(new Uint8Array([2, 2]))
  })

  it('when a key was never stored, then get answers null', async () => {
    expect(await diskFileStore(root).get('nothing-here-1')).toBeNull()
  })

  it('when a file is removed, then get answers null, and removing again is harmless', async () => {
    const store = diskFileStore(root)
    await store.put('remove-me-123', new Uint8Array([1]))
    await store.remove('remove-me-123')
    expect(await store.get('remove-me-123')).toBeNull()
    await expect(store.remove('remove-me-123')).resolves.toBeUndefined()
  })

  it.each([
    '../../etc/passwd',
    '..%2f..%2fetc',
    '../abcdefgh',
    'ab/../../x.jpg',
    'abcdefgh/ijkl',
    'abcd\\efghijk',
    '/etc/passwd',
    'ABCDEFGHIJ',
    '-abcdefghij',
    '.hidden-file',
    'short',
    'x.jpg',
    'abcdefgh\0ij',
    'a'.repeat(82),
    '',
  ])('when the key is %j, then put, get and remove refuse it and nothing is written', async (key) => {
    const store = diskFileStore(root)
    await expect(store.put(key, new Uint8Array([1]))).rejects.toThrow(/malformed key/)
    await expect(store.get(key)).rejects.toThrow(/malformed key/)
    await expect(store.remove(key)).rejects.toThrow(/malformed key/)
    expect(readdirSync(base)).toEqual([]) // not even the root was created
  })

  it('when many files are put at once, then each reads back as written', async () => {
    const store = diskFileStore(root)
    const keys = Array.from({ length: 20 }, (_, i) => `parallel-${String(i).padStart(4, '0')}`)
    await Promise.all(keys.map((k, i) => store.put(k, new Uint8Array([i]))))
    for (const [i, k] of keys.entries()) expect(await store.get(k)).toEqual(new Uint8Array([i]))
  })
})
