import { chmodSync, existsSync, lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

// The data directory holds the database, the keys and the evidence: nobody but the host's own user
// may read it. New files: the process umask 0o077 (PGlite creates its files 0666 & ~umask, so with
// the usual 022 they were world-readable, and with 000 world-writable). Files from before: the
// tree is brought to 0700 (folders) and 0600 (files) once at each start.

/** From here on, whatever this process creates is for its own user only. */
export function restrictNewFiles() {
  process.umask(0o077)
}

/** Folders 0700, files 0600, under `dir` (symbolic links are left alone, never followed). Returns how many changed. */
export function restrictTree(dir: string): number {
  if (!existsSync(dir)) return 0
  let changed = 0
  const visit = (path: string) => {
    const info = lstatSync(path)
    if (info.isSymbolicLink()) return
    const wanted = info.isDirectory() ? 0o700 : 0o600
    if ((info.mode & 0o777) !== wanted) {
      chmodSync(path, wanted)
      changed++
    }
    if (info.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(dir)
  return changed
}
