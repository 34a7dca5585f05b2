import { fail, type Result } from '../domain/errors'

// How one request reaches a cloud function. Taro picks the platform file at build time:
//   transport.weapp.ts → Taro.cloud.callFunction      transport.h5.ts → fetch POST /api/<fn>
// This file is the shared type and what any other platform gets. Platform files must use
// `import type` from here: a value import of './transport' would resolve back to themselves.

/** The body every function receives: the action name plus the (already validated) input fields. */
export type FunctionBody = { action: string } & Record<string, unknown>

/** Sends one call and reads the envelope back; never throws, never shows UI. */
export type Send = (fn: string, body: FunctionBody) => Promise<Result<unknown>>

export const send: Send = async () => fail('NETWORK_ERROR')
