// Published complaints are told about the consumer, not by them: "市民王先生反映，…", "消费者李女士称…",
// "原告诉称：…", "8月21日，李女士拨打了本报热线。" The lead-ins carry dates, bureaus and hotlines that are not
// the purchase, the seller or the sum, so they are blanked out before the span fields are read.
// Blanked, not cut: every character keeps its index, so evidence spans still point into what was typed.

// who is telling: 市民王先生, 消费者李某, 原告张某某, 一位女士, 她
const WHO = '(?:市民|消费者|网友|读者|原告|上诉人|投诉人|申请人|业主|学员|游客|家长|车主|顾客|老人|一位|一名)?[^，。！？；,:：“”\\s]{0,8}?'
// told to whom: 向本报, 向记者, 向区消协, 向市场监督管理局, 对记者
const TO = '(?:[向对跟给][^，。！？；,:：“”]{0,14}?)?'
const TOLD = '(?:反映|投诉|诉称|起诉称|介绍|讲述|报料|求助|举报|说|讲|表示|称)'

const LEAD_INS: RegExp[] = [
  // 据市民李先生反映，接到市民投诉，称 / 新闻帮近日接到胶州市民反映，
  new RegExp(`(?:^|(?<=[。！？；\\n]))[^。！？；\\n“”]{0,16}?(?:据|接到|收到)${WHO}${TO}${TOLD}[,，:：]?(?:称|说)?(?:其|自己)?`, 'g'),
  // 市民王先生反映，消费者李女士向本报投诉称：原告诉称：
  new RegExp(`(?:^|(?<=[。！？；\\n]))(?:近日|日前|昨天|今天|[0-9]{1,2}月[0-9]{1,2}日)?[,，]?${WHO}${TO}${TOLD}[,，:：]`, 'g'),
  // 8月21日，李女士拨打了本报热线。 李先生致电本报。 (the whole sentence is about complaining)
  /(?:^|(?<=[。！？；\n]))[^。！？；\n“”]{0,30}?(?:拨打|致电|打进|打来|来电|打通)[^。！？；\n“”]{0,20}?(?:热线|电话|本报|记者|12315|12345)[^。！？；\n“”]{0,12}?(?:[。；]|$)/g,
  // 记者了解到， 据了解， 据悉，
  /(?:记者)?(?:了解到|据了解|据悉|记者注意到|记者获悉)[,，:：]?/g,
]

const blank = (s: string) => s.replace(/[^\n]/g, ' ')

/** The text with reporters', bureaus' and courts' lead-ins blanked; same length, same indices. */
export function removeFraming(text: string): string {
  let out = text
  for (const re of LEAD_INS) out = out.replace(re, (m) => blank(m))
  return out
}
