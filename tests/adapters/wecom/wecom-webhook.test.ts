import fc from 'fast-check'
import { truncateUtf8, utf8Length } from '../../../cloudfunctions/adapters/wecom/utf8-truncate'
import { WECOM_MARKDOWN_MAX_BYTES, wecomGroupRobot } from '../../../cloudfunctions/adapters/wecom/wecom-webhook'
import { startJsonLoopback, type JsonLoopback, type ScriptedReply } from '../../support/json-loopback'

const KEY = '693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa'

let robot: JsonLoopback
let next: ScriptedReply
beforeEach(async () => {
  next = { json: { errcode: 0, errmsg: 'ok' } }
  robot = await startJsonLoopback(() => next)
})
afterEach(() => robot.close())

/** The robot client with the key bound, as one contact's group sees it. */
const webhook = (timeoutMs = 5000) => {
  const client = wecomGroupRobot({ baseUrl: robot.baseUrl, timeoutMs })
  return { sendMarkdown: (content: string) => client.sendMarkdown(KEY, content) }
}

describe('WeCom group robot webhook', () => {
  it('when a markdown message is sent, then the robot gets exactly the documented JSON and the send succeeds', async () => {
    const content = '**【红牌】商家响应已超时**\n投诉KS-20261122-0007（老王记）的“商家响应”已超过时限。'
    await expect(webhook().sendMarkdown(content)).resolves.toEqual({ ok: true })
    expect(robot.requests).toHaveLength(1)
    const [req] = robot.requests
    expect(req.method).toBe('POST')
    expect(req.path).toBe('/cgi-bin/webhook/send')
    expect(req.query).toEqual({ key: KEY })
    expect(req.headers['content-type']).toMatch(/^application\/json/)
    expect(req.rawBody).toBe(JSON.stringify({ msgtype: 'markdown', markdown: { content } }))
  })

  it('when the robot is rate limited (45009), then the failure is retryable', async () => {
    next = { json: { errcode: 45009, errmsg: 'api freq out of limit' } }
    await expect(webhook().sendMarkdown('x')).resolves.toMatchObject({ ok: false, retryable: true, code: 'RATE_LIMITED' })
  })

  it('when the key is invalid (93000), then the failure is permanent and never shows the key', async () => {
    next = { json: { errcode: 93000, errmsg: `invalid webhook url, key=${KEY}` } }
    const result = await webhook().sendMarkdown('x')
    expect(result).toMatchObject({ ok: false, retryable: false, code: 'INVALID_KEY' })
    expect(JSON.stringify(result)).not.toContain(KEY)
  })

  it('when the robot answers an unknown errcode, then the failure is permanent and carries the code', async () => {
    next = { json: { errcode: 40008, errmsg: 'invalid message type' } }
    await expect(webhook().sendMarkdown('x')).resolves.toMatchObject({ ok: false, retryable: false, code: 'WECOM_40008' })
  })

  it.each([500, 502, 503])('when the server answers HTTP %i, then the failure is retryable', async (status) => {
    next = { status, raw: 'upstream error' }
    await expect(webhook().sendMarkdown('x')).resolves.toMatchObject({ ok: false, retryable: true, code: `HTTP_${status}` })
  })

  it('when the server answers HTTP 404, then the failure is permanent', async () => {
    next = { status: 404, raw: 'not found' }
    await expect(webhook().sendMarkdown('x')).resolves.toMatchObject({ ok: false, retryable: false, code: 'HTTP_404' })
  })

  it('when a 200 is not JSON, then the failure is permanent (someone must look)', async () => {
    next = { raw: '<html>proxy login</html>' }
    await expect(webhook().sendMarkdown('x')).resolves.toMatchObject({ ok: false, retryable: false, code: 'MALFORMED_RESPONSE' })
  })

  it('when nothing listens, then the failure is retryable and never shows the key', async () => {
    const baseUrl = robot.baseUrl
    await robot.close()
    const result = await wecomGroupRobot({ baseUrl }).sendMarkdown(KEY, 'x')
    expect(result).toMatchObject({ ok: false, retryable: true, code: 'NETWORK_ERROR' })
    expect(JSON.stringify(result)).not.toContain(KEY)
    robot = await startJsonLoopback(() => next) // for afterEach
  })

  it('when the robot never answers, then the send times out as retryable', async () => {
    next = { hang: true }
    await expect(webhook(150).sendMarkdown('x')).resolves.toMatchObject({ ok: false, retryable: true, code: 'TIMEOUT' })
  })

  it('when the content is over 4096 bytes, then what is sent is a clean prefix within the limit, cut with "…"', async () => {
    const content = `# 超时汇总\n${'投诉KS-20261122-0007 😀 红牌；'.repeat(300)}`
    await webhook().sendMarkdown(content)
    const [req] = robot.requests
    const sent = (req.body as { markdown: { content: string } }).markdown.content
    expect(Buffer.byteLength(sent, 'utf8')).toBeLessThanOrEqual(WECOM_MARKDOWN_MAX_BYTES)
    expect(Buffer.byteLength(sent, 'utf8')).toBeGreaterThan(WECOM_MARKDOWN_MAX_BYTES - 8)
    expect(sent.endsWith('…')).toBe(true)
    expect(content.startsWith(sent.slice(0, -1))).toBe(true)
    expect(req.rawBody).not.toContain('\uFFFD') // the wire bytes decode cleanly: no half character
  })

  it('when the content is exactly 4096 bytes, then it is sent unchanged', async () => {
    const content = '字'.repeat(1365) + 'a' // 4095 + 1 bytes
    await webhook().sendMarkdown(content)
    expect((robot.requests[0].body as { markdown: { content: string } }).markdown.content).toBe(content)
  })

  it('when one client posts for two groups, then each request carries its own key', async () => {
    const client = wecomGroupRobot({ baseUrl: robot.baseUrl })
    await client.sendMarkdown('group-one-key-0001', 'a')
    await client.sendMarkdown('group-two-key-0002', 'b')
    expect(robot.requests.map((r) => r.query)).toEqual([{ key: 'group-one-key-0001' }, { key: 'group-two-key-0002' }])
  })
})

describe('truncateUtf8', () => {
  it('when any text is cut to any byte budget, then it fits, is a prefix plus "…", and splits no character', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.array(fc.constantFrom('a', '字', '😀', '👨‍👩‍👧', '🇨🇳', 'é'), { maxLength: 200 }).map((a) => a.join('')),
    )
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 400 }), (s, max) => {
        const cut = truncateUtf8(s, max)
        expect(utf8Length(cut)).toBeLessThanOrEqual(Math.max(max, 0))
        if (cut === s) return
        if (cut === '') return expect(max).toBeLessThan(3)
        expect(cut.endsWith('…')).toBe(true)
        const kept = cut.slice(0, -1)
        expect(s.startsWith(kept)).toBe(true)
        expect(/[\uD800-\uDBFF]$/.test(kept)).toBe(false) // no half surrogate pair at the cut
      }),
    )
  })

  it('when the cut would fall inside a family emoji, then the whole emoji is dropped', () => {
    expect(truncateUtf8('ab👨‍👩‍👧cd', 10)).toBe('ab…')
  })
})
