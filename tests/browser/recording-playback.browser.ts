import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import {
  current,
  DEMO_PASSWORD,
  fileMinimalComplaint,
  seriousViolations,
  settled,
  shot,
  startHarness,
  type Harness,
} from './browser-harness'

// Issue 16.9, "staff and merchants can play every recording": without a speech engine a spoken
// complaint is only a recording, so the case page must play it. A shopper attaches a Mandarin WAV
// (made by espeak-ng) at 味道小馆, which gets cases straight away; the shop's clerk and the station
// each find a player on the case page whose link answers 200 with audio/*, and Chromium loads it
// under the page's CSP (its duration is known, which needs the bytes decoded).
const SENTENCE = '我的录音是证据，请维权站和商家都能听到'

function speechWav(dir: string): Buffer {
  const wav = join(dir, 'shop-recording.wav')
  execFileSync('espeak-ng', ['-v', 'cmn', '-w', wav, SENTENCE], { stdio: 'pipe' })
  return readFileSync(wav)
}

/** The player for `name` on the current case page: its link answers with audio, and the browser can play it. */
async function expectPlayable(page: Page, name: string) {
  const player = current(page).locator(`audio[controls][aria-label="录音：${name}"]`)
  await player.waitFor()
  const src = await player.evaluate((el: HTMLAudioElement) => el.currentSrc || el.src)
  const answer = await page.request.get(src)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toMatch(/^audio\//)
  await player.evaluate((el: HTMLAudioElement) => el.load()) // preload="none": nothing loads until asked
  await page.waitForFunction(
    (el) => (el as HTMLAudioElement).readyState >= 1 && (el as HTMLAudioElement).duration > 1,
    await player.elementHandle(),
  )
}

describe('H5 — a recording the shopper attached plays on the shop’s and the station’s case pages', () => {
  let h: Harness
  let dir: string
  let caseNo = ''
  const name = '录音-店里.wav'

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuaisu-playback-'))
    h = await startHarness()
  })
  afterAll(async () => {
    await h?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('when a shopper files with a recording attached, then the shop’s clerk can play it on the case page', async () => {
    const shopper = await (await h.phone()).newPage()
    await shopper.goto(h.lines.find((l) => l.includes('味道小馆'))!.match(/http\S+/)![0])
    await settled(shopper)
    const form = current(shopper)
    await form.locator('input[type=file][data-kind=audio]').setInputFiles({ name, mimeType: 'audio/wav', buffer: speechWav(dir) })
    await form
      .getByRole('listitem', { name: `录音：${name}` })
      .getByText('✓ 已上传')
      .waitFor()
    caseNo = await fileMinimalComplaint(shopper)

    const clerk = await (await h.phone()).newPage()
    await clerk.goto(h.lines.find((l) => l.includes('/demo/clerk?key='))!.match(/http\S+/)![0])
    await settled(clerk)
    await current(clerk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(clerk)
    await current(clerk).getByRole('heading', { name: '投诉处理' }).waitFor()
    await expectPlayable(clerk, name)
    await current(clerk).locator('audio').scrollIntoViewIfNeeded()
    await shot(clerk, 'playback-01-clerk')
    expect(await seriousViolations(clerk)).toEqual([])
  })

  it('when the station opens the same case, then its page plays the recording too', async () => {
    const desk = await (await h.browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' })).newPage()
    await desk.goto(`${h.base}/#/pages/station/board/index`)
    await settled(desk)
    await current(desk).getByRole('textbox', { name: '用户名' }).fill('station')
    await current(desk).getByLabel('密码').fill(DEMO_PASSWORD)
    await current(desk).getByRole('button', { name: '登录' }).click()
    await current(desk)
      .getByRole('link', { name: new RegExp(caseNo) })
      .click()
    await settled(desk)
    await current(desk).getByRole('heading', { name: '案件办理' }).waitFor()
    await expectPlayable(desk, name)
    await current(desk).locator('audio').scrollIntoViewIfNeeded()
    await shot(desk, 'playback-02-station')
    expect(await seriousViolations(desk)).toEqual([])
  })
})
