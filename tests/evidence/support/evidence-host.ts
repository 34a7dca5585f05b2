import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { buildServer } from '../../../cloudfunctions/host/server'
import type { Deps } from '../../../cloudfunctions/services/context'

// These suites post dozens of uploads a minute from one address; the limits have their own test
// (tests/hardening/limits-and-headers.test.ts, upload-limits.test.ts).
const ROOMY = { lookupsPerMinute: 10_000, loginsPerMinute: 10_000, submitsPerMinute: 10_000, uploadsPerMinute: 10_000 }

/** The real host server (server.ts registers the evidence routes) on a free loopback port. */
export async function startEvidenceHost(deps: Deps): Promise<{ app: FastifyInstance; base: string }> {
  const app = await buildServer(deps, { secureCookies: false, loginFailureDelayMs: 0, logLevel: 'silent', rateLimits: ROOMY })
  await app.listen({ port: 0, host: '127.0.0.1' })
  if (!app.hasRoute({ method: 'POST', url: '/upload/evidence' })) throw new Error('server.ts no longer registers the evidence routes')
  return { app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` }
}

export interface FilePart {
  bytes: Uint8Array
  name: string
  type?: string
}

/** A multipart form in the given order: strings are text fields, FileParts are files. */
export function form(parts: [string, string | FilePart][]): FormData {
  const data = new FormData()
  for (const [name, value] of parts) {
    if (typeof value === 'string') data.append(name, value)
    else data.append(name, new Blob([Buffer.from(value.bytes)], { type: value.type ?? 'application/octet-stream' }), value.name)
  }
  return data
}
