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

/**
 * What the host keeps in its data directory. Only these are walked: DATA_DIR may be set to a folder
 * that also holds other things (a home directory, a shared mount), whose modes are not ours to change.
 */
const OURS = ['pg', 'files', 'qr', 'keys.json', 'keys.json.new', 'demo-credentials.json', 'demo-credentials.txt', 'chain-heads.log']

/**
 * The data directory 0700, and under it what the host keeps there: folders 0700, files 0600
 * (symbolic links are left alone, never followed). Returns how many changed.
 */
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
    if (info.isDirectory() && path !== dir) for (const name of readdirSync(path)) visit(join(path, name))
  }
  visit(dir)
  for (const name of OURS) if (existsSync(join(dir, name))) visit(join(dir, name))
  return changed
}
