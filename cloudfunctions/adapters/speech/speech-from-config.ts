import type { TencentConfig } from '../tencent/tencent-config'
import { tencentApiClient } from '../tencent/tencent-api-client'
import { unavailableSpeech, type SpeechToText } from '../../ports/speech'
import type { Clock } from '../../ports/system'
import { tencentAsr } from './tencent-asr'

/** Tencent ASR when the deployer switched it on (it is billed per call); otherwise "unavailable". */
export function speechFromConfig(tencent: TencentConfig, clock: Clock): SpeechToText {
  if (!tencent.asr) return unavailableSpeech
  return tencentAsr({ client: tencentApiClient({ ...tencent.asr.api, now: () => clock.now() }), engine: tencent.asr.engine })
}
