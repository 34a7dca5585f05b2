// npm run build:h5, last step: the brotli-11 / gzip-9 copies of the H5 build (precompress-files.ts).
// Usage: tsx scripts/precompress-h5.ts [dir]   (default: $KS_OUTPUT_ROOT or dist/h5)
import { resolve } from 'node:path'
import { precompress } from './precompress-files'

const dir = resolve(process.argv[2] ?? process.env.KS_OUTPUT_ROOT ?? 'dist/h5')
const r = precompress(dir)
console.log(`precompressed ${r.files} files in ${dir}: ${(r.rawBytes / 1024).toFixed(1)} KB → ${(r.brBytes / 1024).toFixed(1)} KB brotli`)
