// After `taro build --type h5`: write a brotli (quality 11) and a gzip (level 9) copy beside every
// text file of the build, which the host then serves as they are (@fastify/static preCompressed).
// Compressing per request has to be cheap (quality 5); once at build time it can be the smallest:
// about 16 KB less for the complaint page's first load on a phone (docs/first-page.md).
// Run by scripts/precompress-h5.ts (npm run build:h5); tests call precompress() on their own folder.
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TEXT = /\.(js|css|html|svg|json|txt|map)$/
const MIN_BYTES = 1024 // below this the headers outweigh the saving (the host's threshold too)

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) yield* files(path)
    else if (TEXT.test(name)) yield path
  }
}

/** `only`: compress just the files whose name matches (tests); default every text file. */
export function precompress(dir: string, only: RegExp = TEXT): { files: number; rawBytes: number; brBytes: number } {
  let count = 0
  let rawBytes = 0
  let brBytes = 0
  for (const path of files(dir)) {
    if (!only.test(path.split('/').pop() ?? '')) continue
    const bytes = readFileSync(path)
    // a copy left from an earlier build would be served instead of this file (a build that does not empty its folder)
    rmSync(`${path}.br`, { force: true })
    rmSync(`${path}.gz`, { force: true })
    if (bytes.length < MIN_BYTES) continue
    const br = brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    })
    writeFileSync(`${path}.br`, br)
    writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }))
    count += 1
    rawBytes += bytes.length
    brBytes += br.length
  }
  return { files: count, rawBytes, brBytes }
}
