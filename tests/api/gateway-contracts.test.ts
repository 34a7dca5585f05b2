import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import ts from 'typescript'
import { call } from '../../src/api/call'
import { loadContract, loadContractFor } from '../../src/api/function-contracts'
import { loadContract as loadContractWeapp, loadContractFor as loadContractForWeapp } from '../../src/api/function-contracts.weapp'
import { API, FUNCTION_NAMES } from '../../src/domain/api/contract'
import { CONSUMER_FORM_API } from '../../src/domain/api/consumer-form-contract'

// The app's gateway loads each cloud function's contract on its own (src/api/function-contracts.ts),
// so the complaint page a QR poster opens carries the consumer function's schemas and no staff
// function's (docs/first-page.md). These tests hold the split: the same schema objects as the
// server's, and no static import path from the gateway to a staff function's schemas.

const ROOT = resolve(__dirname, '../..')

/** Modules reachable by static value imports (what webpack must put beside the file); `import type` and import() are not followed. */
function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false)
    for (const node of source.statements) {
      let spec: ts.Expression | undefined
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) spec = node.moduleSpecifier
      if (ts.isExportDeclaration(node) && !node.isTypeOnly) spec = node.moduleSpecifier
      if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue
      const base = resolve(dirname(file), spec.text)
      const target = [base + '.ts', base + '.tsx', join(base, 'index.ts')].find((f) => existsSync(f))
      if (target) visit(target)
    }
  }
  visit(resolve(ROOT, entry))
  return new Set([...seen].map((f) => relative(ROOT, f)))
}

/** Schemas only staff functions use: none of them may ride along with the consumer's page. */
const STAFF_ONLY = [
  'src/domain/api/station-contract.ts',
  'src/domain/api/staff-contract.ts',
  'src/domain/api/registry-contract.ts',
  'src/domain/api/merchant-contract.ts',
  'src/domain/api/proxy-contract.ts',
  'src/domain/api/inbox-contract.ts',
  'src/domain/api/staff-action-schemas.ts',
  'src/domain/clocks/clock-settings.ts',
  'src/domain/merchant/merchant-record.ts',
  'src/domain/staff/staff-api.ts',
  'src/domain/merchant/registry-api.ts',
  'src/domain/tags/tags-api.ts',
  'src/domain/metrics/stats-view.schema.ts',
  'src/domain/workflow/chain-audit.ts',
  'src/domain/notify/contact-api.ts',
  'src/domain/similarity/burst-api.ts',
  'src/domain/callback/callback-api.ts',
  'src/domain/letters/letters-api.ts',
  // the station's (and the shop's) halves of files that once held both sides with the consumer's
  'src/domain/consult/consult-station-api.ts',
  'src/domain/public-records/public-records-station-api.ts',
  'src/domain/public-records/public-records-merchant-api.ts',
  'src/domain/report-reward/report-reward-station.ts',
]

describe('the gateway loads one function contract at a time', () => {
  it('when a function contract is loaded, then it holds the very schema objects the server validates with', async () => {
    for (const fn of FUNCTION_NAMES) {
      const group = await loadContract(fn)
      expect(group).toBe(API[fn])
      expect(await loadContractWeapp(fn)).toBe(API[fn]) // the mini-program's copy reads the table directly
    }
  })

  it('when the complaint page and the consumer contract are imported, then no staff function schemas come with them', () => {
    const reached = new Set([
      ...staticGraph('src/pages/consumer/complain/index.tsx'),
      ...staticGraph('src/domain/api/consumer-contract.ts'),
    ])
    expect(reached.has('src/domain/validation.ts')).toBe(true) // the walk does follow imports (page → api → call.ts → …)
    expect(STAFF_ONLY.filter((file) => reached.has(file))).toEqual([])
  })

  it('when the complaint form calls one of its own actions, then the form table answers with the server objects; any other consumer action loads the whole function', async () => {
    for (const action of Object.keys(CONSUMER_FORM_API)) {
      const group = await loadContractFor('consumer', action)
      expect(group).toBe(CONSUMER_FORM_API)
      expect(group[action as keyof typeof group]).toBe(API.consumer[action as keyof typeof API.consumer])
    }
    expect(await loadContractFor('consumer', 'lookupCase')).toBe(API.consumer)
    expect(await loadContractFor('station', 'me')).toBe(API.station)
    expect(await loadContractForWeapp('consumer', 'getMerchantEntry')).toBe(API.consumer)
  })

  it('when the complaint page and the form contract are imported, then the rest of the consumer function and the workflow schemas do not come with them', () => {
    const reached = new Set([
      ...staticGraph('src/pages/consumer/complain/index.tsx'),
      ...staticGraph('src/domain/api/consumer-form-contract.ts'),
    ])
    expect(reached.has('src/domain/complaint.schema.ts')).toBe(true)
    const laterOnly = [
      'src/domain/api/consumer-contract.ts',
      'src/domain/case.schema.ts',
      'src/domain/case-view.schema.ts',
      'src/domain/workflow/event-details.ts',
      'src/domain/workflow/transitions.ts',
      'src/domain/consult/consult-consumer-api.ts',
      'src/domain/report-reward/report-reward-reporter.ts',
      'src/domain/public-records/public-records-consumer-api.ts',
      'src/domain/merchant/merchant-input.schema.ts',
      'src/domain/clocks/clock-rules.ts',
    ]
    expect(laterOnly.filter((file) => reached.has(file))).toEqual([])
  })

  it('when a consumer field is wrong, then call answers with its Chinese field message and sends nothing', async () => {
    const result = await call('consumer', 'lookupCase', { caseNo: '', queryCode: '' } as never)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe('VALIDATION_FAILED')
    expect(Object.values(result.error.fields ?? {}).join('')).toMatch(/[\u4e00-\u9fff]/)
  })

  it('when the action is not in the called function contract, then call answers UNKNOWN_ACTION', async () => {
    const result = await call('consumer', 'listCases' as never, {} as never)
    expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_ACTION' } })
  })

  it('when a staff function is called with a valid input, then its contract is loaded and the request goes out', async () => {
    // the default transport (no platform file under jest) answers NETWORK_ERROR: the call got past validation
    const result = await call('station', 'me', {})
    expect(result).toMatchObject({ ok: false, error: { code: 'NETWORK_ERROR' } })
  })
})
