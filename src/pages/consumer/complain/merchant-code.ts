import { decodeParam } from '../../routes'

// Which shop this complaint is about, from the page's router params:
//  - H5 poster URL: …/complain/index?m=ABC234
//  - WeChat mini-program code: `scene`, which Taro passes still URI-encoded. We print the bare code
//    as the scene, but also accept "m=ABC234" in case a poster was generated that way.
// Both params are accepted on both platforms. Checking the code's format is the schema's job.
export function merchantCodeFromParams(params: Record<string, string | undefined>): string {
  const direct = decodeParam(params.m)
  if (direct) return direct.trim()
  const scene = decodeParam(params.scene).trim()
  const named = /(?:^|&)m=([^&]*)/.exec(scene)
  return named ? named[1] : scene
}
