import { fail, type Result } from '../domain/errors'
import { readEnvelope } from './envelope'

// H5 only (imported by the *.h5.ts files): one JSON POST to the local server. Errors come back as
// HTTP 4xx/5xx with the same JSON envelope, so the status code is not read — the body says it all.
const API_BASE = process.env.TARO_APP_API_BASE || ''

export async function postJson(path: string, body: unknown): Promise<Result<unknown>> {
  let response: Response
  try {
    response = await fetch(API_BASE + path, {
      method: 'POST',
      credentials: 'same-origin', // carries the device-token / staff session cookies
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    return fail('NETWORK_ERROR')
  }
  let json: unknown
  try {
    json = await response.json()
  } catch {
    return fail('NETWORK_ERROR') // not JSON: a proxy page, an empty 502…
  }
  return readEnvelope(json)
}
