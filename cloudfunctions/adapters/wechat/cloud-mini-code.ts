import { z } from 'zod'
import { fail, ok } from '../../../src/domain/errors'
import type { MiniCodeRequest, MiniCodeSource } from '../../ports/mini-code'

// Mini-program codes through CloudBase's cloud call: wx-server-sdk's `cloud.openapi`, injected by
// the cloud entry point (this module does not depend on wx-server-sdk, so the local host never
// loads it). The function needs config.json { "permissions": { "openapi": ["wxacode.getUnlimited"] } }.
// The SDK resolves { contentType, buffer, errCode: 0 } and rejects with an error carrying errCode.

export interface CloudGetUnlimitedParams {
  scene: string
  page: string
  checkPath: boolean
  /** which build the code opens: release, trial or develop (WeChat's default is release) */
  envVersion: MiniProgramVersion
  width: number
}

export type MiniProgramVersion = 'release' | 'trial' | 'develop'

/**
 * The code must open the build that drew it: a trial build's binding code that opened the released
 * version would land on a page the released version may not have yet. WeChat only checks that the
 * page exists (check_path) for the released version. WECHAT_MINIPROGRAM_STATE uses the subscribe
 * message's names (developer / trial / formal), so one setting serves both.
 */
export function miniCodeOptionsFor(state: string | undefined): { checkPath: boolean; envVersion: MiniProgramVersion } {
  if (state === 'developer') return { checkPath: false, envVersion: 'develop' }
  if (state === 'trial') return { checkPath: false, envVersion: 'trial' }
  return { checkPath: true, envVersion: 'release' }
}

/** The slice of wx-server-sdk's `cloud.openapi` this adapter uses, typed by shape. */
export interface CloudWxacodeLike {
  wxacode: { getUnlimited(params: CloudGetUnlimitedParams): Promise<unknown> }
}

/** WeChat's own limits, checked here so a bad request fails in words instead of errcode 40169. */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
const PAGE = /^[A-Za-z0-9_\-/]+$/

const Reply = z.object({
  contentType: z.string().regex(/^image\//),
  buffer: z.instanceof(Uint8Array).refine((b) => b.length > 0), // a Node Buffer is a Uint8Array
  errCode: z.number().optional(),
})

/** Options default to the released version with the page check (miniCodeOptionsFor(undefined)). */
export function cloudMiniCode(
  openapi: CloudWxacodeLike,
  opts: { checkPath?: boolean; envVersion?: MiniProgramVersion; log?: (message: string) => void } = {},
): MiniCodeSource {
  const log = opts.log ?? ((message: string) => console.error(message))
  return {
    async render({ scene, page, width }: MiniCodeRequest) {
      if (!SCENE.test(scene) || !PAGE.test(page) || page.startsWith('/')) return fail('MINI_CODE_FAILED')
      let reply: unknown
      try {
        reply = await openapi.wxacode.getUnlimited({
          scene,
          page,
          checkPath: opts.checkPath ?? true,
          envVersion: opts.envVersion ?? 'release',
          width,
        })
      } catch (err) {
        const detail = err instanceof Error ? err.message : JSON.stringify(err)
        log(`[wxacode.getUnlimited] ${detail.slice(0, 200)}`)
        return fail('MINI_CODE_FAILED')
      }
      const parsed = Reply.safeParse(reply)
      if (!parsed.success || (parsed.data.errCode ?? 0) !== 0) {
        log('[wxacode.getUnlimited] unexpected reply')
        return fail('MINI_CODE_FAILED')
      }
      return ok({ contentType: parsed.data.contentType, bytes: new Uint8Array(parsed.data.buffer) })
    },
  }
}
