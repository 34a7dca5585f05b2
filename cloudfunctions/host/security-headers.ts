import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import fastifyHelmet from '@fastify/helmet'
import type { FastifyInstance } from 'fastify'

// Security headers on every answer (docs/security.md), by @fastify/helmet. The CSP is what the
// Taro H5 build needs and no more (checked against dist/h5 and by the browser journeys):
// - script-src 'self' plus the hash of each inline <script> in index.html (Taro's template sets the
//   root font size before the bundle loads); no 'unsafe-eval' — the bundle's only `new Function` is
//   a feature test inside try/catch;
// - style-src 'unsafe-inline': the Taro runtime, its router and its web components add <style>
//   elements at run time (no nonce hook in all of them); styles cannot run script;
// - img-src data: blob: — inline icons, and previews of a chosen photo (URL.createObjectURL);
// - media-src blob: — playing back a recording before it is sent; font-src data: — Taro's icon font;
// - frame-ancestors 'none': no page of ours inside another site's frame (clickjacking).
// /files/ answers set their own, stricter CSP (evidence-routes.ts), which replaces this one.

/** sha256 sources for the inline scripts of the H5 index.html, so they run and nothing else inline does. */
export function inlineScriptHashes(h5Dir: string | undefined): string[] {
  const index = h5Dir ? resolve(h5Dir, 'index.html') : null
  if (!index || !existsSync(index)) return []
  const html = readFileSync(index, 'utf8')
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`,
  )
}

export async function registerSecurityHeaders(app: FastifyInstance, opts: { h5Dir?: string; https: boolean }) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...inlineScriptHashes(opts.h5Dir)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(opts.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' }, // our own pages keep their paths; other sites learn nothing
    // HSTS only where the site is served over https: over plain http it would be ignored, and it
    // would wrongly pin a name that later moves to https
    strictTransportSecurity: opts.https ? { maxAge: 180 * 86_400, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  })
}
