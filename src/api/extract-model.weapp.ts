import type { ExtractContext, Extraction } from '../domain/extract/extract-complaint'
import { call } from './call'

// WeChat: Taro turns import() into require(), so the extractor and its ~450 KB weight file would land in
// the main package, which must stay under 800 KB (the complaint page a QR code opens lives there). The
// panel asks the consumer function instead (consumer.extractText: the same rules and classifiers, run in
// the cloud). When the call fails (offline), nothing is proposed: the words are in the description already.
export const extractWithClassifiers = async (input: string, _ctx: ExtractContext): Promise<Extraction | undefined> => {
  const answer = await call('consumer', 'extractText', { text: input.slice(0, 2000) })
  return answer.ok ? answer.data : undefined
}
