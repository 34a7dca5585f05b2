import type { Page } from 'playwright-core'
import { current, DEMO_PASSWORD, fileMinimalComplaint, settled, startHarness, type Harness } from './browser-harness'

// Issue 12.9: the host's Content-Security-Policy must not break the H5 build. The journeys prove the
// pages work; this one also listens for every CSP violation the browser reports while a shopper files
// a complaint and a clerk and the station open theirs — and finds none.
describe('H5 under the Content-Security-Policy', () => {
  let h: Harness
  afterAll(async () => {
    await h?.close()
  })

  async function watched(page: Page) {
    const seen: string[] = []
    page.on('pageerror', (e) => seen.push(`pageerror ${e.message}`))
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text())
    })
    await page.exposeFunction('reportCspViolation', (v: string) => seen.push(v))
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { reportCspViolation: (v: string) => void }).reportCspViolation
        report(`${e.violatedDirective} ${e.blockedURI}`)
      })
    })
    return seen
  }

  it('when a shopper files, a clerk opens the shop and the station signs in, then the browser reports no CSP violation', async () => {
    h = await startHarness()
    const phone = await h.phone()
    const page = await phone.newPage()
    const violations = await watched(page)
    const entry = h.lines.find((l) => l.includes('味道小馆'))!.match(/http\S+/)![0]
    const first = await page.goto(entry)
    await settled(page).catch((e: Error) => {
      throw new Error(`${e.message}\n${violations.join('\n')}`)
    })
    // the page is really under the policy (the redirect's target, index.html, carries it)
    const index = await page.request.get(`${h.base}/`)
    expect(index.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(first).not.toBeNull()
    await fileMinimalComplaint(page)

    const clerk = await (await h.phone()).newPage()
    const clerkSeen = await watched(clerk)
    await clerk.goto(h.lines.find((l) => l.includes('/demo/clerk?key='))!.match(/http\S+/)![0])
    await settled(clerk)

    const desk = await (await h.phone()).newPage()
    const deskSeen = await watched(desk)
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('station')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(desk).getByRole('button', { name: '登录' }).click()
    await settled(desk)

    expect([...violations, ...clerkSeen, ...deskSeen]).toEqual([])
  })
})
