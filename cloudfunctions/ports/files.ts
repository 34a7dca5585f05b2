// Evidence bytes live outside the database and outside any public folder; people reach them only
// through short-lived signed links handed to those allowed to see the case.
export interface FileStore {
  /** `key` is one the core made (random, [a-z0-9-]); adapters refuse anything else */
  put(key: string, bytes: Uint8Array): Promise<void>
  get(key: string): Promise<Uint8Array | null>
  remove(key: string): Promise<void>
  /** put before every key the core makes for this store, so the record says where its bytes are (evidence.schema.ts) */
  readonly keyPrefix?: string
}

export interface LinkSigner {
  /** an opaque token naming one evidence item until `expiresAt` */
  sign(evidenceId: string, expiresAt: Date): string
  /** the evidence id, or null when the token is forged, malformed or expired at `now` */
  verify(token: string, now: Date): string | null
}
