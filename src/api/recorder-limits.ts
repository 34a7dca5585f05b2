// Shared by every recorder platform file (they may not value-import './recorder': on their own
// platform that path resolves back to themselves).

/** One segment's cap: the WechatSI plugin's and Tencent SentenceRecognition's limit alike. */
export const MAX_SEGMENT_MS = 60_000
