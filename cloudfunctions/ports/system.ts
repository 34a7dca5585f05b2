// Small ports for what the core must not do itself: read the clock, make ids, hash secrets.
export interface Clock {
  now(): Date
}

export interface Ids {
  /** a fresh unguessable id (UUID v4) */
  newId(): string
}

export interface Secrets {
  hashPassword(password: string): Promise<string>
  verifyPassword(password: string, stored: string): Promise<boolean>
  /** SHA-256 hex of a bearer token: what the store keeps instead of the token */
  hashToken(token: string): string
  /** a fresh random token (128 bits or more), base64url */
  newToken(): string
  /** n cryptographically random bytes */
  randomBytes(n: number): Uint8Array
}

/** Encryption at rest for personal data (AES-256-GCM in the node adapter). */
export interface Vault {
  seal(plaintext: string): string
  /** throws when the sealed text was tampered with or sealed under another key */
  open(sealed: string): string
}
