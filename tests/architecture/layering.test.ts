import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, dirname } from 'node:path'

// The back end's layers, as the README's architecture section draws them: use cases (services/)
// speak to ports only; the two compositions — the local host (host/) and the cloud functions
// (runtime/cloud-*.ts) — each build Deps from adapters and never borrow from each other. A vendor
// library reached from a service would be loaded by every cloud function that bundles it (sharp
// once made every consumer action depend on a native module), so this is checked, not hoped for.
const ROOT = resolve(__dirname, '../..')
const CF = join(ROOT, 'cloudfunctions')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every module a file names, relative ones resolved to a path under the repository. */
export function importsOf(file: string, text: string): string[] {
  return [...text.matchAll(importPattern)].map((m) => {
    const spec = m[1] ?? m[2] ?? m[3]
    return spec.startsWith('.') ? relative(ROOT, resolve(dirname(file), spec)) : spec
  })
}

interface Rule {
  /** the files the rule is about, relative to the repository */
  files: RegExp
  /** what they may not import: repository paths or package names */
  forbidden: RegExp
  why: string
}

const VENDOR = /^(sharp|pg|kysely|fastify|@fastify\/|@cloudbase\/|wx-server-sdk|@electric-sql\/|qrcode|chinese-days)(\/|$)/

export const RULES: Rule[] = [
  {
    files: /^cloudfunctions\/services\//,
    forbidden: /^cloudfunctions\/(adapters|host|runtime|functions)\//,
    why: 'a service speaks to ports only',
  },
  { files: /^cloudfunctions\/services\//, forbidden: VENDOR, why: 'a library belongs behind a port, loaded by an adapter' },
  {
    files: /^cloudfunctions\/ports\//,
    forbidden: /^cloudfunctions\/(adapters|host|runtime|functions|services)\//,
    why: 'a port is declared by the core',
  },
  { files: /^cloudfunctions\/ports\//, forbidden: VENDOR, why: 'a port names no library' },
  {
    files: /^cloudfunctions\/runtime\//,
    forbidden: /^cloudfunctions\/host\//,
    why: 'the cloud composition does not borrow from the local host',
  },
  {
    files: /^cloudfunctions\/host\//,
    forbidden: /^cloudfunctions\/runtime\/cloud-/,
    why: 'the local host does not borrow from the cloud composition',
  },
  {
    files: /^cloudfunctions\/adapters\//,
    forbidden: /^cloudfunctions\/(host|runtime|functions|services)\//,
    why: 'an adapter implements a port and knows no caller',
  },
]

export function violations(file: string, text: string): string[] {
  const rel = relative(ROOT, file)
  return RULES.filter((r) => r.files.test(rel)).flatMap((rule) =>
    importsOf(file, text)
      .filter((spec) => rule.forbidden.test(spec))
      .map((spec) => `${rel} imports ${spec}: ${rule.why}`),
  )
}

describe('back-end layering', () => {
  it('when every back-end file is scanned, then no layer imports one it must not know', () => {
    const files = sourceFiles(CF)
    expect(files.length).toBeGreaterThan(50)
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([])
  })

  it.each([
    ['cloudfunctions/services/evidence/x.ts', "import sharp from 'sharp'"],
    ['cloudfunctions/services/notify/x.ts', "import { wecomWebhook } from '../../adapters/wecom/wecom-webhook'"],
    ['cloudfunctions/services/x.ts', "const m = await import('../host/host-keys')"],
    ['cloudfunctions/runtime/cloud-deps.ts', "import { Base64KeySchema } from '../host/host-keys'"],
    ['cloudfunctions/host/boot.ts', "import { cloudDeps } from '../runtime/cloud-deps'"],
    ['cloudfunctions/ports/x.ts', "import type { Kysely } from 'kysely'"],
    ['cloudfunctions/adapters/sql/x.ts', "import { tick } from '../../services/tick'"],
  ])('when %s has "%s", then the check names it', (file, line) => {
    expect(violations(join(ROOT, file), line)).toHaveLength(1)
  })

  it('when a service imports a port, the domain or node:crypto, then nothing is reported', () => {
    const text = [
      "import type { Store } from '../ports/store'",
      "import { ok } from '../../src/domain/errors'",
      "import { createHash } from 'node:crypto'",
    ].join('\n')
    expect(violations(join(ROOT, 'cloudfunctions/services/x.ts'), text)).toEqual([])
  })
})
