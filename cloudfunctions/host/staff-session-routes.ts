import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ok } from '../../src/domain/errors'
import { checkInputText } from '../../src/domain/input-text'
import { parseWith } from '../../src/domain/validation'
import type { Deps } from '../services/context'
import { loginStaff, logoutStaff, STAFF_SESSION_HOURS } from '../services/staff-auth'
import { sendResult } from './http-errors'

export const STAFF_COOKIE = 'ks_staff'

const LoginSchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256),
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Staff sign-in is a host concern (a cookie), so it lives beside the API rather than inside a
 * function. A failed sign-in is answered no sooner than `failureDelayMs` after it arrived, whether
 * the username exists or not, which slows guessing and hides which usernames exist.
 */
export function registerStaffSessionRoutes(app: FastifyInstance, deps: Deps, opts: { secureCookies: boolean; failureDelayMs: number }) {
  app.post('/auth/login', async (request, reply) => {
    const started = Date.now()
    const readable = checkInputText(request.body) // a NUL in a username reached the database: a 500
    if (!readable.ok) return sendResult(reply, readable)
    const input = parseWith(LoginSchema, request.body)
    if (!input.ok) return sendResult(reply, input)
    const result = await loginStaff(deps, input.data.username, input.data.password)
    if (!result.ok) {
      await sleep(Math.max(0, started + opts.failureDelayMs - Date.now()))
      return sendResult(reply, result)
    }
    reply.setCookie(STAFF_COOKIE, result.data.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      maxAge: STAFF_SESSION_HOURS * 3600,
    })
    return sendResult(reply, ok({ displayName: result.data.displayName, role: result.data.role }))
  })

  app.post('/auth/logout', async (request, reply) => {
    const token = request.cookies[STAFF_COOKIE]
    if (token) await logoutStaff(deps, token)
    reply.clearCookie(STAFF_COOKIE, { path: '/' })
    return sendResult(reply, ok({}))
  })
}
