import { z } from 'zod'
import type { GroupRobot } from '../../ports/group-robot'
import { DEFAULT_TIMEOUT_MS, postJson, redact } from '../http/post-json'
import { truncateUtf8 } from './utf8-truncate'

// A WeCom (企业微信) group robot: a site's, an area's or the deployment's work group hears about new
// cases, escalations and red cards, as its notification contacts say. POST
// {base}/cgi-bin/webhook/send?key=KEY with {"msgtype":"markdown","markdown":{"content":"…"}}; content
// at most 4096 bytes of UTF-8 (longer is refused with 40058), 20 messages a minute per robot (45009).
// The key is the whole credential: anyone holding it can post to the group, so it never appears in
// a result, a log line or an error. It comes with each call (each contact names its own group).

export const WECOM_API_BASE = 'https://qyapi.weixin.qq.com'
export const WECOM_MARKDOWN_MAX_BYTES = 4096

export interface WecomRobotConfig {
  /** https://qyapi.weixin.qq.com; a loopback server in tests */
  baseUrl?: string
  timeoutMs?: number
}

const Reply = z.object({ errcode: z.number(), errmsg: z.string().optional() })

const KNOWN: Record<number, { code: string; retryable: boolean }> = {
  [-1]: { code: 'WECOM_BUSY', retryable: true },
  45009: { code: 'RATE_LIMITED', retryable: true },
  93000: { code: 'INVALID_KEY', retryable: false }, // the robot was removed or the key mistyped
  40058: { code: 'INVALID_CONTENT', retryable: false },
}

export function wecomGroupRobot(config: WecomRobotConfig = {}): GroupRobot {
  const baseUrl = (config.baseUrl ?? WECOM_API_BASE).replace(/\/+$/, '')
  return {
    async sendMarkdown(key, content) {
      const url = `${baseUrl}/cgi-bin/webhook/send?key=${encodeURIComponent(key)}`
      const secrets = [key, encodeURIComponent(key)]
      const body = { msgtype: 'markdown', markdown: { content: truncateUtf8(content, WECOM_MARKDOWN_MAX_BYTES) } }
      const reply = await postJson(url, body, { timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS, secrets })
      if (!reply.ok) return reply
      const parsed = Reply.safeParse(reply.json)
      if (!parsed.success) return { ok: false, retryable: false, code: 'MALFORMED_RESPONSE', detail: 'webhook/send: unexpected reply' }
      const { errcode, errmsg } = parsed.data
      if (errcode === 0) return { ok: true }
      const known = KNOWN[errcode] ?? { code: `WECOM_${errcode}`, retryable: false }
      const detail = `errcode ${errcode}: ${(errmsg ?? '').slice(0, 200)}`
      return { ok: false, ...known, detail: redact(detail, secrets) }
    },
  }
}
