import { createHmac } from 'node:crypto'
import type { ChainSigner } from '../../ports/chain'

const KEY_BYTES = 32

/**
 * CHAIN_KEY as a signer. The key id is a MAC of a fixed text, cut to 8 hex digits: it tells which key
 * signed an event without saying anything usable about the key.
 */
export function hmacChainSigner(key: Uint8Array): ChainSigner {
  if (key.length < KEY_BYTES) throw new Error(`chain signer: the key must be ${KEY_BYTES} bytes`)
  const secret = Buffer.from(key) // a private copy: later changes to the caller's array do not matter
  const mac = (text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex')
  return { keyId: mac('ks-chain-key-id').slice(0, 8), mac }
}
