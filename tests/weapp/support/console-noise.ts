/**
 * Taro and React report some problems (unsupported API, render errors) only on the console: from
 * here on, a test in this file that logs a warning or an error fails. Call once at the top level.
 */
export function failOnConsoleNoise(): void {
  let noise: unknown[][] = []
  beforeEach(() => {
    noise = []
    jest.spyOn(console, 'warn').mockImplementation((...args) => void noise.push(args))
    jest.spyOn(console, 'error').mockImplementation((...args) => void noise.push(args))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    expect(noise).toEqual([])
  })
}
