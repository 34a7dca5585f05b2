import { postJson } from './http-post'
import type { Send } from './transport'

// H5: the local host mounts every function at POST /api/<function>.
export const send: Send = (fn, body) => postJson('/api/' + encodeURIComponent(fn), body)
