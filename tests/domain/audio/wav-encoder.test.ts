import fc from 'fast-check'
import { downmixToMono, encodeWav, resample, speechWav, SPEECH_SAMPLE_RATE } from '../../../src/domain/audio/wav-encoder'

// The browser's recording becomes a 16 kHz mono 16-bit WAV before upload: the server sniffs the
// RIFF/WAVE bytes and the ASR engine (16k_zh) reads the header, so every field must be right.

const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.slice(from, to))

function readHeader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return {
    riff: ascii(bytes, 0, 4),
    riffSize: view.getUint32(4, true),
    wave: ascii(bytes, 8, 12),
    fmt: ascii(bytes, 12, 16),
    fmtSize: view.getUint32(16, true),
    format: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    sampleRate: view.getUint32(24, true),
    byteRate: view.getUint32(28, true),
    blockAlign: view.getUint16(32, true),
    bits: view.getUint16(34, true),
    data: ascii(bytes, 36, 40),
    dataSize: view.getUint32(40, true),
    sample: (i: number) => view.getInt16(44 + i * 2, true),
  }
}

const sine = (hz: number, rate: number, seconds: number, amplitude = 0.8) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate))

/** Frequency from upward zero crossings, each placed between its two samples by interpolation. */
function measuredHz(samples: Float32Array, rate: number): number {
  const crossings: number[] = []
  for (let i = 1; i < samples.length; i++) {
    if (samples[i - 1] < 0 && samples[i] >= 0) crossings.push(i - 1 + -samples[i - 1] / (samples[i] - samples[i - 1]))
  }
  return ((crossings.length - 1) * rate) / (crossings[crossings.length - 1] - crossings[0])
}

const rms = (s: Float32Array) => Math.sqrt(s.reduce((sum, x) => sum + x * x, 0) / s.length)

describe('WAV encoder', () => {
  it('when one second of audio is encoded at 16 kHz, then the header says RIFF/WAVE PCM, mono, 16 kHz, 16-bit, with matching sizes', () => {
    const bytes = encodeWav(sine(440, 16000, 1), 16000)
    const h = readHeader(bytes)
    expect(bytes.length).toBe(44 + 16000 * 2)
    expect(h).toMatchObject({
      riff: 'RIFF',
      riffSize: bytes.length - 8,
      wave: 'WAVE',
      fmt: 'fmt ',
      fmtSize: 16,
      format: 1,
      channels: 1,
      sampleRate: 16000,
      byteRate: 32000,
      blockAlign: 2,
      bits: 16,
      data: 'data',
      dataSize: 32000,
    })
  })

  it('when samples are full scale, half, silent, out of range or NaN, then they become the right 16-bit values (clipped, NaN silent)', () => {
    const h = readHeader(encodeWav(Float32Array.from([1, -1, 0.5, -0.5, 0, 2, -3, NaN]), 16000))
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(h.sample)).toEqual([32767, -32768, 16384, -16384, 0, 32767, -32768, 0])
  })

  it('when any number of samples is encoded, then the file is 44 + 2n bytes and both size fields agree', () => {
    fc.assert(
      fc.property(fc.float32Array({ maxLength: 2000, noDefaultInfinity: true }), (samples) => {
        const bytes = encodeWav(samples, 16000)
        const h = readHeader(bytes)
        return bytes.length === 44 + samples.length * 2 && h.dataSize === samples.length * 2 && h.riffSize === 36 + samples.length * 2
      }),
    )
  })
})

describe('resampling and downmix', () => {
  it.each([
    [48000, 440],
    [44100, 440],
    [48000, 1000],
    [22050, 300], // espeak-ng's own rate
    [8000, 440], // going up: a phone-line recording
  ])(
    'when a %i Hz recording of a %i Hz tone is resampled to 16 kHz, then the tone keeps its pitch (±0.5 %%) and its loudness',
    (rate, hz) => {
      const input = sine(hz, rate, 2)
      const out = resample(input, rate, SPEECH_SAMPLE_RATE)
      expect(out.length).toBe(Math.floor((input.length * SPEECH_SAMPLE_RATE) / rate))
      expect(Math.abs(measuredHz(out, SPEECH_SAMPLE_RATE) - hz) / hz).toBeLessThan(0.005)
      expect(rms(out) / rms(input)).toBeGreaterThan(0.9)
    },
  )

  it('when a 48 kHz tone above the new 8 kHz limit is resampled, then it is damped instead of folding back at full strength', () => {
    const input = sine(12000, 48000, 1)
    expect(rms(resample(input, 48000, 16000)) / rms(input)).toBeLessThan(0.4)
  })

  it('when the rates are equal, then the samples come back as they are; a rate of 0 is refused', () => {
    const input = sine(440, 16000, 0.1)
    expect(resample(input, 16000, 16000)).toBe(input)
    expect(() => resample(input, 0, 16000)).toThrow(RangeError)
  })

  it('when two channels are mixed, then each sample is their mean and the shorter channel sets the length', () => {
    const mono = downmixToMono([Float32Array.from([1, 0.5, 0, 9]), Float32Array.from([0, 0.5, -1])])
    expect(Array.from(mono)).toEqual([0.5, 0.5, -0.5])
    expect(downmixToMono([])).toHaveLength(0)
  })

  it('when a 2 s stereo 48 kHz recording goes through speechWav, then it is a 16 kHz mono WAV of 2 s whose tone survived', () => {
    const left = sine(440, 48000, 2)
    const bytes = speechWav([left, left], 48000)
    const h = readHeader(bytes)
    expect(h).toMatchObject({ channels: 1, sampleRate: 16000, bits: 16, dataSize: 2 * 32000 })
    const decoded = Float32Array.from({ length: 32000 }, (_, i) => h.sample(i) / 32768)
    expect(Math.abs(measuredHz(decoded, 16000) - 440)).toBeLessThan(2.2)
  })
})
