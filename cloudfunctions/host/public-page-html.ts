import type { PublicRecordsView } from '../../src/domain/public-records/publication'
import { entryFacts, periodInWords, PUBLIC_TITLE, publicNotes } from '../../src/domain/public-records/public-wording'

// The public page as plain HTML: no script, large type, a heading per shop and a definition list of
// its figures (readable by a screen reader and at a phone's width without a table to scroll). Every
// value is escaped; the view has no field that could carry a complainant or a text of a case.

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

const STYLE = `body{margin:0;font:18px/1.6 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif;color:#1a1a1a;background:#f5f6f7}
main{max-width:720px;margin:0 auto;padding:16px}h1{font-size:26px;margin:8px 0}h2{font-size:21px;margin:0 0 8px}
.period{color:#333}.notes{padding-left:20px;color:#333}ul.shops{list-style:none;padding:0;margin:0}
li.shop{background:#fff;border:1px solid #ccc;border-radius:8px;padding:14px;margin:12px 0}
dl{display:grid;grid-template-columns:auto 1fr;gap:4px 12px;margin:0}dt{color:#444}dd{margin:0;font-weight:600}
.flag{display:inline-block;margin-top:8px;padding:2px 8px;border:1px solid #8a5a00;color:#6b4500;border-radius:4px}`

export function publicPageHtml(v: PublicRecordsView): string {
  const e = escapeHtml
  const shops = v.entries
    .map((entry) => {
      const facts = entryFacts(entry)
        .map(([k, val]) => `<dt>${e(k)}</dt><dd>${e(val)}</dd>`)
        .join('')
      const flag = entry.objectionPending ? '<p class="flag">经营者已提出异议，正在核实</p>' : ''
      return `<li class="shop"><h2>${e(entry.name)}</h2><dl>${facts}</dl>${flag}</li>`
    })
    .join('')
  const list = v.entries.length > 0 ? `<ul class="shops">${shops}</ul>` : `<p>公示期内没有达到公示条件的经营者。</p>`
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(PUBLIC_TITLE)} · ${e(v.site.name)}</title><style>${STYLE}</style></head><body><main>
<h1>${e(PUBLIC_TITLE)}</h1><p class="period">${e(v.site.name)} · 公示期 ${e(periodInWords(v))}</p>
<ul class="notes">${publicNotes(v)
    .map((n) => `<li>${e(n)}</li>`)
    .join('')}</ul>${list}<p>维权热线：${e(v.site.hotline)}</p></main></body></html>`
}
