import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * node:http ignores the promise an async request handler returns, so a loopback whose handler throws
 * would leave the client hanging and jest with an unhandled rejection. This answers 500 with the
 * error's text instead, which the test under way then reports.
 */
export function asyncHandler(handle: (req: IncomingMessage, res: ServerResponse) => Promise<unknown>) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`loopback handler failed: ${String(error)}`)
    })
  }
}
