import { shanghaiParts } from '../domain/time'

/** Today in Shanghai, YYYY-MM-DD: the latest day a purchase can have happened. */
export function todayInShanghai(): string {
  const p = shanghaiParts(new Date())
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`
}
