import type { FileStore } from '../../../cloudfunctions/ports/files'

// What every evidence FileStore must do, whatever holds the bytes (disk, CloudBase storage).
// Each adapter's test calls this with a way to open a fresh, empty store.
export function fileStoreContract(open: () => Promise<FileStore> | FileStore) {
  let store: FileStore
  beforeEach(async () => {
    store = await open()
  })

  it('when bytes are put and got back, then they are identical, byte for byte', async () => {
    const bytes = Uint8Array.from([0, 1, 2, 127, 128, 254, 255])
    await store.put('0123456789abcdef0123456789abcdef', bytes)
    expect(await store.get('0123456789abcdef0123456789abcdef')).toEqual(bytes)
  })

  it('when the same key is put again, then the new bytes replace the old ones whole', async () => {
    await store.put('key-00000001', new Uint8Array(1000).fill(1))
    await store.put('key-00000001', Uint8Array.from([2, 2]))
    expect(await store.get('key-00000001')).toEqual(Uint8Array.from([2, 2]))
  })

  it('when a key was never stored, then get answers null', async () => {
    expect(await store.get('nothing-here-1')).toBeNull()
  })

  it('when a file is removed, then get answers null, and removing again is harmless', async () => {
    await store.put('remove-me-123', Uint8Array.from([1]))
    await store.remove('remove-me-123')
    expect(await store.get('remove-me-123')).toBeNull()
    await expect(store.remove('remove-me-123')).resolves.toBeUndefined()
  })

  it('when two keys are stored, then each gets back its own bytes', async () => {
    await store.put('aaaaaaaa-1', Uint8Array.from([1]))
    await store.put('bbbbbbbb-2', Uint8Array.from([2]))
    expect([await store.get('aaaaaaaa-1'), await store.get('bbbbbbbb-2')]).toEqual([Uint8Array.from([1]), Uint8Array.from([2])])
  })

  it.each(['../../etc/passwd', 'abcdefgh/ijkl', '/etc/passwd', 'ABCDEFGHIJ', 'short', ''])(
    'when the key is %j, then every operation refuses it',
    async (key) => {
      await expect(store.put(key, Uint8Array.from([1]))).rejects.toThrow(/malformed key/)
      await expect(store.get(key)).rejects.toThrow(/malformed key/)
      await expect(store.remove(key)).rejects.toThrow(/malformed key/)
    },
  )
}
