import type { Locator, Page } from 'playwright-core'
import { current, DEMO_PASSWORD, seriousViolations, settled, shot, startHarness, type Harness } from './browser-harness'
import { seedStatsCases, STATS_BY_INDUSTRY, STATS_BY_TAG, STATS_CASES } from './support/stats-world'
import { toggleElderly } from './support/elderly-mode'

// 统计 on a phone, as the station and as the regulator: from the board's 「统计」 to the page; a chart is
// there as a picture and its data table carries the seeded numbers; axe finds nothing serious in normal
// type nor in 大字模式; a custom query (one industry line) is run, saved by name, listed and deleted after a yes.
async function signIn(page: Page, base: string, username: string, board: string) {
  await page.goto(`${base}/#/pages/station/login/index`)
  await settled(page)
  await current(page).getByRole('textbox', { name: '用户名' }).fill(username)
  await current(page).getByLabel('密码').fill(DEMO_PASSWORD)
  await current(page).getByRole('button', { name: '登录' }).click()
  await current(page).getByRole('heading', { name: board }).waitFor()
  await settled(page)
}

async function openStats(page: Page) {
  await current(page).getByRole('button', { name: '统计', exact: true }).click()
  await current(page).getByRole('heading', { level: 1, name: '统计' }).waitFor()
  await current(page).getByText('统计截至', { exact: false }).waitFor()
  await settled(page)
}

/** The rows of a data table by its caption: first cell (the row header) → the other cells. */
async function tableRows(page: Page, caption: string): Promise<Map<string, string[]>> {
  const table = current(page).getByRole('table', { name: caption })
  await table.waitFor()
  const rows = await table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())))
  return new Map(rows.map(([head, ...cells]) => [head, cells]))
}

/** The picture is shown whole: its box is as tall as the SVG drawn at the box's width (not cut at a default height). */
async function expectWhole(chart: Locator, svg: string) {
  const [, w, h] = /<svg width="(\d+)" height="(\d+)"/.exec(svg) ?? []
  const box = (await chart.boundingBox())!
  expect(box.height).toBeGreaterThanOrEqual(Number(h) * Math.min(1, box.width / Number(w)) - 1)
}

describe('H5 — 统计 (station and regulator, on a phone)', () => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness({ beforeBoot: seedStatsCases })
  })
  afterAll(async () => {
    await h?.close()
  })

  it('when the station opens 统计, then the charts are pictures whose tables hold the seeded numbers, axe-clean in both type sizes', async () => {
    const page = await (await h.phone()).newPage()
    await signIn(page, h.base, 'station', '维权站工作台')
    await openStats(page)
    const stats = current(page)
    await stats.getByText('星河广场').first().waitFor()

    // the industry chart: an SVG picture, hidden from screen readers; its twin table has the counts
    const chart = stats.locator('#stats-industry .stats-chart')
    expect(await chart.getAttribute('aria-hidden')).toBe('true')
    const src = await chart.locator('img').getAttribute('src')
    expect(src?.startsWith('data:image/svg+xml;base64,')).toBe(true)
    const svg = Buffer.from(src!.split(',')[1], 'base64').toString('utf8')
    expect(svg).toContain('<svg')
    await expectWhole(chart, svg)
    const industry = await tableRows(page, '各行业件数')
    for (const [line, n] of Object.entries(STATS_BY_INDUSTRY)) expect([line, industry.get(line)]).toEqual([line, [String(n)]])
    expect(Object.keys(STATS_BY_INDUSTRY).length).toBeGreaterThan(1) // the seeded cases are in more than one line
    expect(industry.get('汽车')).toEqual(['0'])
    // 按标签: a case counts under each of its confirmed tags (the bars do not sum to the total), unused tags show 0
    expect(await stats.locator('#stats-tags .stats-chart').getAttribute('aria-hidden')).toBe('true')
    const tags = await tableRows(page, '各标签件数')
    for (const [tag, n] of Object.entries(STATS_BY_TAG)) expect([tag, tags.get(tag)]).toEqual([tag, [String(n)]])

    // the figures table: the whole range's 受理量 and the shopper who filed twice
    const figures = await tableRows(page, `各周期主要指标（`)
    const total = figures.get('合计')!
    expect(total[0]).toBe(String(STATS_CASES.length))
    expect(total.at(-2)).toBe('1/2') // 重复投诉人: one person, two cases
    const weekly = await tableRows(page, '每周件数（周一至周日，按周一日期标注）')
    expect([...weekly.values()].reduce((sum, [n]) => sum + Number(n), 0)).toBe(STATS_CASES.length)
    expect(await seriousViolations(page)).toEqual([])
    await stats.locator('#stats-industry').scrollIntoViewIfNeeded()
    await shot(page, 'stats-01-station')

    await toggleElderly(page)
    expect(await seriousViolations(page)).toEqual([])
    // the table's text grows with the page (大字模式: body text at least 20 CSS px)
    const size = await stats
      .getByRole('table', { name: '各行业件数' })
      .locator('td')
      .first()
      .evaluate((td) => parseFloat(getComputedStyle(td).fontSize))
    expect(size).toBeGreaterThanOrEqual(20)
    const tagSize = await stats
      .getByRole('table', { name: '各标签件数' })
      .locator('td')
      .first()
      .evaluate((td) => parseFloat(getComputedStyle(td).fontSize))
    expect(tagSize).toBeGreaterThanOrEqual(20)
    await stats.locator('#stats-tags').scrollIntoViewIfNeeded()
    await shot(page, 'stats-02b-station-elderly-tags')
    // the chart is drawn again in larger type, taller, and still shown whole
    const bigger = stats.locator('#stats-industry .stats-chart')
    const biggerSrc = (await bigger.locator('img').getAttribute('src'))!
    expect(biggerSrc).not.toBe(src)
    await expectWhole(bigger, Buffer.from(biggerSrc.split(',')[1], 'base64').toString('utf8'))
    await stats.locator('#stats-industry').scrollIntoViewIfNeeded()
    await shot(page, 'stats-02-station-elderly')
    await stats.locator('#stats-figures').scrollIntoViewIfNeeded()
    await shot(page, 'stats-03-station-elderly-figures')
    await toggleElderly(page)
    await page.context().close()
  })

  it('when the regulator runs a custom query for one industry line and saves it, then the figures are that line’s; the saved query is listed and deleted after a yes', async () => {
    const page = await (await h.phone()).newPage()
    await signIn(page, h.base, 'regulator', '市场监管工作台')
    await openStats(page)
    const stats = current(page)
    // a regulator may choose a site; by default every site
    expect(await stats.getByRole('combobox', { name: '站点' }).inputValue()).toBe('全部站点')
    expect((await tableRows(page, '各周期主要指标（')).get('合计')![0]).toBe(String(STATS_CASES.length))

    await stats.getByRole('button', { name: '更多筛选（自定义查询）' }).click()
    // the line with most seeded cases; another line's bar falls to 0
    const [line, count] = Object.entries(STATS_BY_INDUSTRY).sort(([, a], [, b]) => b - a)[0]
    const other = Object.keys(STATS_BY_INDUSTRY).find((l) => l !== line)!
    await stats.getByRole('combobox', { name: '行业' }).selectOption(line)
    await stats.getByRole('button', { name: '查询', exact: true }).click()
    // the answer is in when the heat map gives way: under an industry filter its cube cannot answer, and the page says so
    await stats.getByText('不显示星期 × 时段分布', { exact: false }).waitFor()
    expect((await tableRows(page, '各周期主要指标（')).get('合计')![0]).toBe(String(count))
    expect((await tableRows(page, '各行业件数')).get(other)).toEqual(['0'])
    expect(await seriousViolations(page)).toEqual([])

    await stats.getByRole('textbox', { name: '给当前查询起个名字' }).fill('近三月 单一行业')
    await stats.getByRole('button', { name: '保存当前查询' }).click()
    await stats.getByRole('status').getByText('已保存“近三月 单一行业”。').waitFor()
    const item = stats.getByRole('group', { name: '近三月 单一行业' })
    await item.waitFor()
    await shot(page, 'stats-04-regulator-custom')

    await item.getByRole('button', { name: '删除 近三月 单一行业' }).click()
    await item.getByText('确定删除“近三月 单一行业”？', { exact: false }).waitFor()
    expect(await seriousViolations(page)).toEqual([])
    await item.getByRole('button', { name: '确认删除 近三月 单一行业' }).click()
    await stats.getByRole('status').getByText('已删除“近三月 单一行业”。').waitFor()
    await stats.getByText('还没有保存的查询。').waitFor()
    await page.context().close()
  })

  it('when the station chooses the tag 食品安全, then the figures are those of the cases carrying it, from whole months', async () => {
    const page = await (await h.phone()).newPage()
    await signIn(page, h.base, 'station', '维权站工作台')
    await openStats(page)
    const stats = current(page)
    await stats.getByRole('button', { name: '更多筛选（自定义查询）' }).click()
    await stats.getByRole('combobox', { name: '标签' }).selectOption('食品安全')
    await stats.getByRole('button', { name: '查询', exact: true }).click()
    await stats.getByText('以上为带“食品安全”标签的案件', { exact: false }).waitFor()
    const figures = await tableRows(page, '各周期主要指标（')
    expect(figures.get('合计')![0]).toBe(String(STATS_BY_TAG['食品安全']))
    // the tag bars stay, the parts the tag cube cannot answer are left out
    expect((await tableRows(page, '各标签件数')).get('食品安全')).toEqual([String(STATS_BY_TAG['食品安全'])])
    expect(await stats.getByRole('table', { name: '各行业件数' }).count()).toBe(0)
    expect(await seriousViolations(page)).toEqual([])
    await shot(page, 'stats-05-station-tag')
    await page.context().close()
  })
})
