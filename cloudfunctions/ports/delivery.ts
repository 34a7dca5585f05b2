// What every outgoing channel (SMS, WeCom webhook, WeChat subscribe message…) answers for one send.
// The outbox decides from `retryable` alone whether to try again later or give up and record why;
// `detail` goes into logs and the outbox row, so adapters keep personal data out of it (masked phones).
export type DeliveryResult = { ok: true; providerId?: string } | { ok: false; retryable: boolean; code: string; detail: string }
