import { randomBytes } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { FileStore } from '../../ports/files'
import { checkedKey } from './storage-key'

// Evidence bytes on the local disk, under one root folder that is never served statically.
// Keys are made by the core (random, lower-case); anything else is refused outright, so no key
// can name a path outside the root. Writes go to a temp file, are flushed, then renamed into place,
// so a crash never leaves half a file under a real key.

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT'
}

// two-character shards keep any one folder small (keys are random, so shards fill evenly)
const folderIn = (base: string, key: string) => join(base, key.slice(0, 2))
const pathIn = (base: string, key: string) => join(folderIn(base, key), key)

/**
 * Whether the disk holds a key's bytes, without reading them (a stat). The hybrid host asks it for
 * keys without the `cloud-` prefix: one that is not here may be a cloud file from before the prefix.
 */
export function diskFileExists(root: string): (key: string) => Promise<boolean> {
  const base = resolve(root)
  return async (key) => {
    try {
      return (await stat(pathIn(base, checkedKey(key)))).isFile()
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }
}

export function diskFileStore(root: string): FileStore {
  const base = resolve(root)
  const folderOf = (key: string) => folderIn(base, key)
  const pathOf = (key: string) => pathIn(base, key)

  return {
    async put(key, bytes) {
      checkedKey(key)
      const folder = folderOf(key)
      await mkdir(folder, { recursive: true, mode: 0o700 })
      // a leading dot never matches KEY: a temp file can never be read as somebody's evidence
      const temp = join(folder, `.${key}.${randomBytes(6).toString('hex')}.tmp`)
      try {
        const handle = await open(temp, 'wx', 0o600)
        try {
          await handle.writeFile(bytes)
          await handle.sync()
        } finally {
          await handle.close()
        }
        await rename(temp, pathOf(key))
      } catch (error) {
        await rm(temp, { force: true })
        throw error
      }
    },

    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(checkedKey(key))))
      } catch (error) {
        if (isMissing(error)) return null
        throw error
      }
    },

    async remove(key) {
      await rm(pathOf(checkedKey(key)), { force: true })
    },
  }
}
