import { type ExtractContext, type Extraction, extractComplaint } from '../domain/extract/extract-complaint'

// WeChat: Taro turns import() into require(), so the ~450 KB weight file would land in the main package,
// which must stay under 800 KB (the complaint page a QR code opens lives there). The panel here proposes
// from the keyword rules alone; the filing's industry line is still derived with the classifiers, in the
// cloud function (cloudfunctions/services/submit-complaint.ts). docs/extract-model.md says what is left.
export const extractWithClassifiers = async (input: string, ctx: ExtractContext): Promise<Extraction> => extractComplaint(input, ctx)
