import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { ok } from '../../src/domain/errors'
import { checkInputText } from '../../src/domain/input-text'
import { parseWith } from '../../src/domain/validation'
import type { Deps } from '../services/context'
import { loginStaff, logoutStaff, STAFF_SESSION_HOURS } from '../services/staff-auth'
import { sendResult } from './http-errors'
import { loginLockout } from './login-lockout'
import { sendTooMany } from './rate-limits'

export const STAFF_COOKIE = 'ks_staff'
/** Proof that this browser signed in to an account before (see below); only sent to /auth/login. */
export const KNOWN_DEVICE_COOKIE = 'ks_staff_device'
const KNOWN_DEVICE_DAYS = 90

const LoginSchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, { error: '请输入用户名' }).max(64),
  password: z.string({ error: '请输入密码' }).min(1, { error: '请输入密码' }).max(256),
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Staff sign-in is a host concern (a cookie), so it lives beside the API rather than inside a
 * function. A failed sign-in is answered no sooner than `failureDelayMs` after it arrived, whether
 * the username exists or not, which slows guessing and hides which usernames exist.
 *
 * Lockout (login-lockout.ts, docs/security.md): failures lock the account and the address with
 * backoff, and a locked try is answered at once with 429, without checking the password. A browser
 * that signed in to the account before carries a signed "known device" cookie: it is judged on its
 * own record instead, so a stranger hammering the account cannot lock its real owner out.
 */
export function registerStaffSessionRoutes(app: FastifyInstance, deps: Deps, opts: { secureCookies: boolean; failureDelayMs: number }) {
  const lockout = loginLockout(deps.clock)

  app.post('/auth/login', async (request, reply) => {
    const started = Date.now()
    const readable = checkInputText(request.body) // a NUL in a username reached the database: a 500
    if (!readable.ok) return sendResult(reply, readable)
    const input = parseWith(LoginSchema, request.body)
    if (!input.ok) return sendResult(reply, input)
    const account = input.data.username.trim().toLowerCase()
    const known = request.cookies[KNOWN_DEVICE_COOKIE]
    const isKnown = !!known && deps.links.verify(known, deps.clock.now()) === `login:${account}`
    const keys = isKnown ? [`known:${account}:${deps.secrets.hashToken(known)}`] : [`account:${account}`, `address:${request.ip}`]
    const verdict = lockout.begin(keys)
    if (verdict.locked) {
      const minutes = Math.ceil(verdict.retryAfterS / 60)
      return sendTooMany(reply, verdict.retryAfterS, `登录失败次数太多，请 ${minutes} 分钟后再试`)
    }
    let result: Awaited<ReturnType<typeof loginStaff>>
    try {
      result = await loginStaff(deps, input.data.username, input.data.password)
      lockout.settle(keys, result.ok)
    } catch (error) {
      lockout.settle(keys, false) // a fault is not a success: the try still counts
      throw error
    }
    if (!result.ok) {
      await sleep(Math.max(0, started + opts.failureDelayMs - Date.now()))
      return sendResult(reply, result)
    }
    const knownUntil = new Date(deps.clock.now().getTime() + KNOWN_DEVICE_DAYS * 86_400_000)
    reply.setCookie(KNOWN_DEVICE_COOKIE, deps.links.sign(`login:${account}`, knownUntil), {
      path: '/auth/login',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies,
      maxAge: KNOWN_DEVICE_DAYS * 86_400,
    })
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
