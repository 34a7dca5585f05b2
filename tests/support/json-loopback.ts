import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { Socket } from 'node:net'
import { asyncHandler } from './async-handler'

// A stand-in for a JSON-over-HTTP API (WeChat, WeCom) on 127.0.0.1, port 0. It records every request
// as it arrived — method, path, query, headers, body — so a test can check the real wire format, and
// answers whatever the test scripts: a JSON body, a status, raw text, or nothing at all (hang).

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  headers: IncomingHttpHeaders
  rawBody: string
  rawBytes: Buffer
  /** the parsed JSON body, or undefined when it was not JSON */
  body: unknown
}

export type ScriptedReply = { status?: number; json?: unknown; raw?: string; hang?: true }

export interface JsonLoopback {
  baseUrl: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

export async function startJsonLoopback(reply: (req: RecordedRequest, index: number) => ScriptedReply): Promise<JsonLoopback> {
  const requests: RecordedRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer(
    asyncHandler(async (req, res) => {
      const chunks: Buffer[] = []
      for await (const chunk of req) chunks.push(Buffer.from(chunk))
      const rawBytes = Buffer.concat(chunks)
      const rawBody = rawBytes.toString('utf8')
      let body: unknown
      try {
        body = JSON.parse(rawBody)
      } catch {
        body = undefined
      }
      const url = new URL(req.url ?? '/', 'http://loopback')
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        rawBody,
        rawBytes,
        body,
      }
      requests.push(recorded)
      const answer = reply(recorded, requests.length - 1)
      if (answer.hang) return
      res.writeHead(answer.status ?? 200, { 'content-type': 'application/json' })
      res.end(answer.raw ?? JSON.stringify(answer.json ?? {}))
    }),
  )
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}
