// Keys of the evidence file store are made by the core (random, lower-case hex). Every store
// refuses anything else outright, so no key can name a path outside the store's own area —
// on disk a folder, in cloud storage the evidence/ prefix.
const KEY = /^[a-z0-9][a-z0-9-]{7,80}$/

export function checkedKey(key: string): string {
  if (typeof key !== 'string' || !KEY.test(key)) throw new Error('file store: refused a malformed key')
  return key
}
