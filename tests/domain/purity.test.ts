import { readdirSync, readFileSync, statSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { join, relative } from 'node:path'

// src/domain is shared by the mini-program and the back end: it may import nothing platform-bound
// and must never read the clock (time is passed in), so it behaves the same everywhere and in tests.
const DOMAIN = join(__dirname, '../../src/domain')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.(ts|tsx)$/.test(name) ? [path] : []
  })
}

const importPattern =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]))
const forbiddenPackage = /^(@tarojs\/|@cloudbase\/|wx-server-sdk($|\/))/
const clockRead = /Date\.now\s*\(|new\s+Date\s*\(\s*\)|performance\.now\s*\(/

export function impurities(file: string, text: string): string[] {
  const found: string[] = []
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3]
    if (builtins.has(spec) || builtins.has(spec.split('/')[0]) || spec.startsWith('node:'))
      found.push(`${file}: imports Node built-in "${spec}"`)
    if (forbiddenPackage.test(spec)) found.push(`${file}: imports platform package "${spec}"`)
  }
  if (clockRead.test(text)) found.push(`${file}: reads the clock`)
  return found
}

describe('src/domain purity', () => {
  it('when the domain sources are scanned, then none imports a platform package or Node built-in, or reads the clock', () => {
    const files = sourceFiles(DOMAIN)
    expect(files.length).toBeGreaterThan(5)
    const problems = files.flatMap((f) => impurities(relative(DOMAIN, f), readFileSync(f, 'utf8')))
    expect(problems).toEqual([])
  })

  it.each([
    ["import { readFileSync } from 'fs'", 'Node built-in'],
    ["import { createHash } from 'node:crypto'", 'Node built-in'],
    ["import Taro from '@tarojs/taro'", 'platform package'],
    ["const tcb = require('@cloudbase/node-sdk')", 'platform package'],
    ["const cloud = await import('wx-server-sdk')", 'platform package'],
    ['const t = Date.now()', 'reads the clock'],
    ['const t = new Date()', 'reads the clock'],
  ])('when a file contains %s, then the scan reports it', (source, kind) => {
    expect(impurities('x.ts', source).join()).toContain(kind)
  })

  it('when a file only imports zod and passes instants in, then the scan is clean', () => {
    expect(impurities('x.ts', "import { z } from 'zod'\nconst d = new Date(iso)")).toEqual([])
  })
})
