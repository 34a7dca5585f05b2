// A recording made in the browser, turned into what the server accepts and what speech recognition
// wants: 16 kHz, mono, 16-bit PCM WAV. Browsers record webm/opus or mp4, which the evidence store
// does not take (it sniffs wav, mp3, m4a, aac, amr from the bytes) — and Tencent's 16k_zh engine
// wants 16 kHz anyway. Pure: samples in, bytes out, no Web Audio, no platform, no clock.
//
// Size at 16 kHz × 2 bytes: 60 s ≈ 1.9 MB, inside ASR's 3 MB and the 20 MB evidence cap.

export const SPEECH_SAMPLE_RATE = 16000
const HEADER_BYTES = 44

/** Average of all channels, sample by sample (a stereo phone mic is two copies of one voice). */
export function downmixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 0) return new Float32Array(0)
  if (channels.length === 1) return channels[0]
  const length = Math.min(...channels.map((c) => c.length))
  const mono = new Float32Array(length)
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i]
  for (let i = 0; i < length; i++) mono[i] /= channels.length
  return mono
}

/**
 * Changes the sample rate. Going down (48 kHz → 16 kHz, the usual case) each output sample is the
 * mean of the input samples it covers: a box low-pass that keeps speech (mostly below 4 kHz) and
 * damps what would fold back as aliasing. Going up, linear interpolation.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (!(fromRate > 0) || !(toRate > 0)) throw new RangeError(`sample rates must be positive (${fromRate} → ${toRate})`)
  if (fromRate === toRate) return samples
  const ratio = fromRate / toRate
  const out = new Float32Array(Math.floor((samples.length * toRate) / fromRate))
  if (ratio > 1) {
    for (let i = 0; i < out.length; i++) {
      const start = Math.floor(i * ratio)
      const end = Math.min(samples.length, Math.max(start + 1, Math.floor((i + 1) * ratio)))
      let sum = 0
      for (let j = start; j < end; j++) sum += samples[j]
      out[i] = sum / (end - start)
    }
    return out
  }
  for (let i = 0; i < out.length; i++) {
    const at = i * ratio
    const left = Math.floor(at)
    const right = Math.min(left + 1, samples.length - 1)
    out[i] = samples[left] + (samples[right] - samples[left]) * (at - left)
  }
  return out
}

function writeAscii(view: DataView, offset: number, text: string) {
  for (let i = 0; i < text.length; i++) view.setUint8(offset + i, text.charCodeAt(i))
}

/** Mono float samples (−1…1, clipped beyond) as a 16-bit little-endian PCM WAV file. */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const dataBytes = samples.length * 2
  const bytes = new Uint8Array(HEADER_BYTES + dataBytes)
  const view = new DataView(bytes.buffer)
  writeAscii(view, 0, 'RIFF')
  view.setUint32(4, 36 + dataBytes, true) // everything after this field
  writeAscii(view, 8, 'WAVE')
  writeAscii(view, 12, 'fmt ')
  view.setUint32(16, 16, true) // PCM fmt chunk size
  view.setUint16(20, 1, true) // format 1 = integer PCM
  view.setUint16(22, 1, true) // channels
  view.setUint32(24, sampleRate, true)
  view.setUint32(28, sampleRate * 2, true) // byte rate = rate × block align
  view.setUint16(32, 2, true) // block align = channels × 2 bytes
  view.setUint16(34, 16, true) // bits per sample
  writeAscii(view, 36, 'data')
  view.setUint32(40, dataBytes, true)
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] || 0)) // NaN becomes silence
    view.setInt16(HEADER_BYTES + i * 2, s < 0 ? Math.round(s * 0x8000) : Math.round(s * 0x7fff), true)
  }
  return bytes
}

/** Decoded channels at any rate → the 16 kHz mono WAV that is uploaded and transcribed. */
export function speechWav(channels: readonly Float32Array[], sourceRate: number): Uint8Array<ArrayBuffer> {
  return encodeWav(resample(downmixToMono(channels), sourceRate, SPEECH_SAMPLE_RATE), SPEECH_SAMPLE_RATE)
}
