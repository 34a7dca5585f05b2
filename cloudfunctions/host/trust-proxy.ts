import { isIP } from 'node:net'
import { z } from 'zod'

// Behind a reverse proxy (nginx, a cloud load balancer) every request arrives from the proxy's own
// address. The login lockout and the rate limits key on the client's address, so without this one
// stranger's five wrong passwords would lock out everyone in the mall. TRUST_PROXY names the proxy
// by its addresses or networks, comma-separated, and then the address comes from X-Forwarded-For
// (the nearest hop not among them). "Trust every proxy" is not offered: it would let any client
// choose its own address with a header and walk past every limit.

const CIDR = /^(.+)\/(\d{1,3})$/
const isAddressOrNetwork = (text: string) => {
  const network = CIDR.exec(text)
  if (!network) return isIP(text) !== 0
  const version = isIP(network[1])
  const bits = Number(network[2])
  return version !== 0 && bits <= (version === 4 ? 32 : 128)
}

/** Fastify's `trustProxy`: false, or the proxies' addresses and networks. */
export type TrustProxy = false | string[]

export const TrustProxySchema = z
  .string()
  .optional()
  .transform((raw, ctx): TrustProxy => {
    const text = (raw ?? '').trim()
    if (text === '' || text === 'false') return false
    const parts = text.split(',').map((p) => p.trim())
    if (parts.every(isAddressOrNetwork)) return parts
    ctx.addIssue({ code: 'custom', message: '应为反向代理的地址或网段，逗号分隔，如 127.0.0.1,10.0.0.0/8' })
    return false
  })
