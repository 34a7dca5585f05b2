import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadOrCreateKeys } from '../../cloudfunctions/host/host-keys'

// CHAIN_KEY (issue 12) is kept like DATA_KEY and LINK_KEY: from the environment, or made once and kept
// in <dataDir>/keys.json. A keys.json from before it gets one added without losing the other two.
describe('the chain key', () => {
  const fresh = () => mkdtempSync(join(tmpdir(), 'kuaisu-keys-'))

  it('when the data directory is new, then keys.json holds a chain key too, and the next start reads the same one', () => {
    const dir = fresh()
    const first = loadOrCreateKeys(dir, {})
    expect(first.chainKey).toHaveLength(32)
    expect(loadOrCreateKeys(dir, {}).chainKey).toEqual(first.chainKey)
    expect(Buffer.from(first.chainKey).equals(Buffer.from(first.linkKey))).toBe(false)
  })

  it('when keys.json was written before the chain key, then one is added (mode 0600) and the data and link keys stay as they were', () => {
    const dir = fresh()
    const old = { dataKey: randomBytes(32).toString('base64'), linkKey: randomBytes(32).toString('base64') }
    writeFileSync(join(dir, 'keys.json'), JSON.stringify(old), { mode: 0o600 })
    const keys = loadOrCreateKeys(dir, {})
    expect(Buffer.from(keys.dataKey).toString('base64')).toBe(old.dataKey)
    expect(Buffer.from(keys.linkKey).toString('base64')).toBe(old.linkKey)
    const stored = JSON.parse(readFileSync(join(dir, 'keys.json'), 'utf8'))
    expect(stored).toEqual({ ...old, chainKey: Buffer.from(keys.chainKey).toString('base64') })
    expect(statSync(join(dir, 'keys.json')).mode & 0o777).toBe(0o600)
    expect(loadOrCreateKeys(dir, {}).chainKey).toEqual(keys.chainKey)
  })

  it('when CHAIN_KEY is set, then it is used instead of the stored one', () => {
    const dir = fresh()
    loadOrCreateKeys(dir, {})
    const chainKey = new Uint8Array(32).fill(3)
    expect(loadOrCreateKeys(dir, { chainKey }).chainKey).toEqual(chainKey)
  })
})
