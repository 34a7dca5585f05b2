import { readdirSync } from 'node:fs'
import { join } from 'node:path'

/** Every file under a folder, as sorted paths relative to it (with / separators). */
export function treeOf(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? treeOf(join(dir, e.name)).map((f) => `${e.name}/${f}`) : e.isFile() ? [e.name] : []))
    .sort()
}
