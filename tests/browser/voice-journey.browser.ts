import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { current, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'

// Issue #7, speaking the complaint on H5: Chromium's fake microphone plays a Mandarin sentence made
// by espeak-ng; the page records it with MediaRecorder, re-encodes it as 16 kHz WAV, uploads it as
// audio evidence and asks the server to transcribe it. The local host has no ASR configured (its
// default), so the journey ends in the server's plain message — with the recording kept as evidence
// and the description exactly as the person left it.
const SENTENCE = '昨天在优选生活超市买的牛奶过期了，要求退款'
const NO_ASR = '语音转写暂不可用，录音已作为证据保存'

/** The spoken test input, made here so CI needs no extra step: only the espeak-ng package. */
function speechWav(dir: string): string {
  const wav = join(dir, 'complaint-zh.wav')
  try {
    execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '-w', wav, SENTENCE], { stdio: 'pipe' })
  } catch (error) {
    throw new Error(`espeak-ng could not make the test recording (apt-get install -y espeak-ng): ${(error as Error).message}`, {
      cause: error,
    })
  }
  return wav
}

interface Wav {
  channels: number
  sampleRate: number
  bits: number
  dataBytes: number
  rms: number
}

/** The uploaded file's header fields and how loud it is. */
function readWav(body: Buffer): Wav {
  if (body.toString('latin1', 0, 4) !== 'RIFF' || body.toString('latin1', 8, 12) !== 'WAVE')
    throw new Error('the upload is not a RIFF/WAVE file')
  const dataBytes = body.readUInt32LE(40)
  let sum = 0
  for (let i = 0; i < dataBytes / 2; i++) sum += (body.readInt16LE(44 + i * 2) / 32768) ** 2
  return {
    channels: body.readUInt16LE(22),
    sampleRate: body.readUInt32LE(24),
    bits: body.readUInt16LE(34),
    dataBytes,
    rms: Math.sqrt(sum / (dataBytes / 2)),
  }
}

describe('H5 voice input — record, keep as evidence, no-ASR message, description untouched', () => {
  let h: Harness
  let dir: string
  let phone: BrowserContext
  let page: Page
  const transcribeCalls: unknown[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kuaisu-voice-'))
    const wav = speechWav(dir)
    h = await startHarness({
      chromiumArgs: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`],
    })
    phone = await h.phone()
    await phone.grantPermissions(['microphone'], { origin: h.base })
    page = await phone.newPage()
    // Playwright does not expose a FormData body holding a Blob, so the page keeps each file it sends
    await page.addInitScript(() => {
      const send = XMLHttpRequest.prototype.send
      const sent: Blob[] = ((window as unknown as { __sentFiles: Blob[] }).__sentFiles = [])
      XMLHttpRequest.prototype.send = function (body) {
        const file = body instanceof FormData ? body.get('file') : null
        if (file instanceof Blob) sent.push(file)
        return send.call(this, body)
      }
    })
    page.on('request', (request) => {
      const body = request.url().endsWith('/api/consumer') ? request.postDataJSON() : null
      if (body?.action === 'transcribeAudio') transcribeCalls.push(body)
    })
  })
  afterAll(async () => {
    await h?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('when a segment is recorded and stopped, then it becomes an audio evidence item, the no-ASR message shows, and the typed text stays as it was', async () => {
    await page.goto(`${h.base}/s/YXCS26`)
    await settled(page)
    const form = current(page)
    await form.getByText('优选生活超市').first().waitFor()
    const description = form.getByRole('textbox', { name: '投诉内容' })
    const typed = '牛奶的生产日期看不清。'
    await description.fill(typed)

    const voice = form.getByRole('group', { name: '不方便打字？可以直接说' })
    await voice.getByRole('button', { name: '开始说话' }).click()
    const stop = voice.getByRole('button', { name: '停止录音' })
    await stop.waitFor()
    await voice
      .getByRole('timer')
      .filter({ hasText: /已录 0:0[2-9] \/ 1:00/ })
      .waitFor() // the timer runs
    await voice.getByRole('status').filter({ hasText: '正在录音' }).waitFor()
    await voice.scrollIntoViewIfNeeded()
    await shot(page, 'voice-01-recording')
    expect(await seriousViolations(page)).toEqual([])
    await stop.click()

    const item = form.getByRole('listitem', { name: /^录音：录音-\d{6}\.wav$/ })
    await item.getByText('✓ 已上传').waitFor()
    await voice.getByRole('status').filter({ hasText: NO_ASR }).waitFor()
    expect(await description.inputValue()).toBe(typed)
    expect(await voice.getByRole('button', { name: '开始说话' }).isVisible()).toBe(true)
    expect(await voice.getByRole('button', { name: /重新/ }).count()).toBe(0) // nothing to retry: ASR is simply not set up

    // what went up is a 16 kHz mono 16-bit WAV of the spoken sentence, not silence, and it was sent to transcription
    const files = await page.evaluate(() =>
      Promise.all(
        (window as unknown as { __sentFiles: Blob[] }).__sentFiles.map(async (f) => Array.from(new Uint8Array(await f.arrayBuffer()))),
      ),
    )
    expect(files).toHaveLength(1)
    const sent = readWav(Buffer.from(files[0]))
    expect(sent).toMatchObject({ channels: 1, sampleRate: 16000, bits: 16 })
    expect(sent.dataBytes).toBeGreaterThan(2 * 16000 * 2 * 0.9) // at least ~2 s were recorded
    expect(sent.rms).toBeGreaterThan(0.005) // espeak's voice, not the silence of a dead microphone
    expect(transcribeCalls).toEqual([{ action: 'transcribeAudio', evidenceId: expect.any(String) }])

    await item.scrollIntoViewIfNeeded()
    await settled(page)
    await shot(page, 'voice-02-kept-as-evidence')
    await voice.scrollIntoViewIfNeeded()
    await shot(page, 'voice-03-no-asr-message')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('when the keyboard is used (Enter to start, Enter to stop), then a second segment is kept too, and it can be removed', async () => {
    const form = current(page)
    const voice = form.getByRole('group', { name: '不方便打字？可以直接说' })
    await voice.getByRole('button', { name: '开始说话' }).focus()
    await page.keyboard.press('Enter')
    const stop = voice.getByRole('button', { name: '停止录音' })
    await stop.waitFor()
    await expect(stop.evaluate((el) => el === document.activeElement)).resolves.toBe(true) // focus stays on the button
    await voice
      .getByRole('timer')
      .filter({ hasText: /已录 0:0[1-9] \/ 1:00/ })
      .waitFor() // a second of speech is in
    await page.keyboard.press('Enter')
    const items = form.getByRole('listitem', { name: /^录音：/ })
    await page.waitForFunction(() => document.querySelectorAll('.evidence-item--done[aria-label^="录音："]').length === 2)
    expect(await items.count()).toBe(2)
    await voice.getByRole('status').filter({ hasText: NO_ASR }).waitFor()
    expect(await form.getByRole('textbox', { name: '投诉内容' }).inputValue()).toBe('牛奶的生产日期看不清。')

    // the recording stays evidence unless the person removes it
    const second = items.nth(1)
    const name = ((await second.getAttribute('aria-label')) ?? '').replace('录音：', '')
    await second.getByRole('button', { name: `移除 ${name}` }).click()
    await page.waitForFunction(() => document.querySelectorAll('[aria-label^="录音："]').length === 1)

    // 大字模式: the voice panel grows with the rest
    await form.getByRole('switch', { name: '大字模式' }).click()
    await current(page).locator('.page--elderly').waitFor()
    const button = voice.getByRole('button', { name: '开始说话' })
    await button.scrollIntoViewIfNeeded()
    expect((await button.boundingBox())!.height).toBeGreaterThanOrEqual(52)
    await shot(page, 'voice-04-elderly')
    expect(await seriousViolations(page)).toEqual([])
  })

  it("when transcription fails for a moment and then succeeds (the server's answers played at the network), then 重新转写 retries, the words go after the typed text, and 识别到的信息 fills only what is confirmed", async () => {
    // the local host has no ASR; these two answers are what consumer.transcribeAudio returns when it has one
    const answers = [
      { ok: false, error: { code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' } },
      { ok: true, data: { text: '昨天在这里买的牛奶过期了，花了二十八块五，要求退款。', durationMs: 4200 } },
    ]
    await page.route('**/api/consumer', (route) => {
      if (route.request().postDataJSON()?.action !== 'transcribeAudio') return route.fallback()
      return route.fulfill({ json: answers.shift() })
    })
    const form = current(page)
    await form.getByRole('switch', { name: '大字模式' }).click() // back to normal size
    await current(page).locator('.page--elderly').waitFor({ state: 'detached' })
    const voice = form.getByRole('group', { name: '不方便打字？可以直接说' })
    const description = form.getByRole('textbox', { name: '投诉内容' })
    const typed = await description.inputValue()

    await voice.getByRole('button', { name: '开始说话' }).click()
    await voice
      .getByRole('timer')
      .filter({ hasText: /已录 0:0[1-9] \/ 1:00/ })
      .waitFor() // a second of speech is in
    await voice.getByRole('button', { name: '停止录音' }).click()
    const retry = voice.getByRole('button', { name: '重新转写' })
    await retry.waitFor()
    await voice.getByRole('status').filter({ hasText: '网络连接失败' }).waitFor()
    expect(await description.inputValue()).toBe(typed)
    await retry.click()

    await voice.getByRole('status').filter({ hasText: '已把说的话接在内容后面' }).waitFor()
    expect(await description.inputValue()).toBe(`${typed}昨天在这里买的牛奶过期了，花了二十八块五，要求退款。`)
    const panel = form.getByRole('region', { name: '识别到的信息' })
    await panel.waitFor()
    await panel.getByRole('listitem').filter({ hasText: '28.5元' }).waitFor()
    // nothing is filled until the person confirms (the purchase details are folded: open them to see)
    await form.getByRole('button', { name: '消费情况（选填）' }).click()
    expect(await form.getByRole('textbox', { name: '涉及金额（元）' }).inputValue()).toBe('')
    await panel.scrollIntoViewIfNeeded()
    await shot(page, 'voice-05-proposal')
    expect(await seriousViolations(page)).toEqual([])

    await panel.getByRole('button', { name: '填入 涉及金额：28.5元' }).click()
    await page.waitForFunction(() => (document.querySelector('#field-amountYuan-control') as HTMLInputElement | null)?.value === '28.5')
    await form.getByRole('textbox', { name: '商品或服务' }).fill('鲜牛奶') // typed by hand meanwhile: no longer offered
    await panel.getByRole('listitem').filter({ hasText: '商品或服务' }).waitFor({ state: 'detached' })
    await panel.getByRole('button', { name: /^全部填入/ }).click()
    await panel.waitFor({ state: 'detached' })
    expect(await form.getByRole('checkbox', { name: '退款' }).getAttribute('aria-checked')).toBe('true')
    expect(await form.getByLabel('消费日期').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(await form.getByRole('textbox', { name: '商品或服务' }).inputValue()).toBe('鲜牛奶')
    expect(await form.getByRole('combobox', { name: '所属行业' }).count()).toBe(0) // not a shopper's question (issue 16.6)
    await page.unroute('**/api/consumer')
  })
})
