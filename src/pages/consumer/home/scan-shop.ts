import Taro from '@tarojs/taro'
import { PAGES, withQuery } from '../../routes'

// The blue 扫 card on the home page (issue 16.10). In WeChat it opens the scanner and goes to the
// shop's complaint page the code names: a mini-program code brings its page path, a printed poster
// URL brings …/s/<code> or …?m=<code>. A web page cannot open the camera, so on H5 the card leads to
// finding the shop by name (the phone's own camera app opens a poster's URL directly).
function shopCodeOf(scanned: string): string | null {
  const match = /\/s\/([A-Za-z0-9]+)/.exec(scanned) ?? /[?&](?:m|scene)=([A-Za-z0-9]+)/.exec(scanned)
  return match ? match[1] : null
}

export async function scanShop(): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    await Taro.navigateTo({ url: PAGES.complain })
    return
  }
  let scanned: { path?: string; result?: string }
  try {
    scanned = await Taro.scanCode({ onlyFromCamera: false })
  } catch {
    return // the person closed the scanner
  }
  if (scanned.path) {
    await Taro.navigateTo({ url: `/${scanned.path.replace(/^\//, '')}` })
    return
  }
  const code = shopCodeOf(scanned.result ?? '')
  if (code) {
    await Taro.navigateTo({ url: withQuery(PAGES.complain, { m: code }) })
    return
  }
  await Taro.showModal({ title: '不是快诉二维码', content: '请扫描店内张贴的“快诉”二维码，或在首页搜索商户投诉。', showCancel: false })
}
