import type { RenderedMessage } from './templates'

// How a rendered message reads in a work group: the title in bold, the body as it is. Message
// wording, not wire format, so it lives with the templates; the adapter only sends (and cuts to the
// provider's byte limit).
export function robotMarkdownFor(message: RenderedMessage): string {
  return `**${message.title}**\n${message.body}`
}
