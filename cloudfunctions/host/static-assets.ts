import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { constants as zlib } from 'node:zlib'
import fastifyCompress from '@fastify/compress'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

// The H5 app as a cheap phone on a weak mall network should get it (issue 13): compressed, and
// never fetched twice. Taro names every JS and CSS chunk by its content hash, so a chunk's URL
// changes whenever its bytes do: those are cached for a year and marked immutable (no revalidation
// round trip on the next visit). index.html is the one file whose name stays; it is revalidated
// every time, so a new release is picked up at the next page load.

/** A chunk Taro named by content: `js/app.3f2a1b9c.js`, `css/4964.a3f77863.css` (or its build-time .br/.gz copy). */
export const HASHED_ASSET = /\.[0-9a-f]{8,}\.(js|css)(\.br|\.gz)?$/

export const YEAR_IMMUTABLE = 'public, max-age=31536000, immutable'

/** The icon keeps its name across releases, but nobody needs a new one the same hour. */
const FAVICON = /\/favicon\.(svg|ico)(\.br|\.gz)?$/
const DAY = 'public, max-age=86400'

/**
 * brotli at quality 5 and gzip for everything textual the host sends that was not compressed at build
 * time (the API's JSON, an H5 build without its .br/.gz copies). Quality 5 because that happens per
 * request: 11 would cost ~10× the CPU. Already-compressed media (evidence photos and video) is left
 * alone by type.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(fastifyCompress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
  })
}

/** Hosts whose H5 build can open a shop's form from /s/<code> itself (its index.html reads the path). */
const answersShortLinks = new WeakSet<FastifyInstance>()

/** An H5 build made before index.html read /s/<code> would open the home page: those still get the redirect. */
export const servesShortLinks = (app: FastifyInstance) => answersShortLinks.has(app)

export async function registerH5(app: FastifyInstance, h5Dir: string) {
  if (readFileSync(resolve(h5Dir, 'index.html'), 'utf8').includes('complain/index?m=')) answersShortLinks.add(app)
  await app.register(fastifyStatic, {
    root: resolve(h5Dir),
    index: ['index.html'],
    // the .br/.gz copies scripts/precompress-files.ts wrote at build time (brotli quality 11), when there
    preCompressed: true,
    cacheControl: false, // set below, per file
    setHeaders(res, path) {
      res.setHeader('cache-control', HASHED_ASSET.test(path) ? YEAR_IMMUTABLE : FAVICON.test(path) ? DAY : 'no-cache')
      // one URL answers br, gzip or plain bytes: a cache in front (CDN, proxy) must key on what was
      // accepted, or it keeps the brotli copy for a year and hands it to a browser that cannot read it.
      // @fastify/compress adds this for what it compresses, not for a .br/.gz copy sent as it is.
      res.setHeader('vary', 'accept-encoding')
    },
  })
}
