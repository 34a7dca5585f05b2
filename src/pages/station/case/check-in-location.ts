import Taro from '@tarojs/taro'

// Where the phone is, for a quick-response check-in, when the member agreed to send it. Optional:
// any failure (no permission, no fix, a desktop without GPS) means the check-in goes without one.
// H5 asks the browser (navigator.geolocation, with the API's own time limit); the mini-program asks
// WeChat (Taro.getLocation, which needs the location permission declared for the mini-program).
export interface PhoneLocation {
  latitude: number
  longitude: number
  accuracy: number | null
}

function browserLocation(): Promise<PhoneLocation | null> {
  return new Promise((resolve) => {
    if (typeof navigator === 'undefined' || !navigator.geolocation) {
      resolve(null)
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy ?? null }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    )
  })
}

export async function currentLocation(): Promise<PhoneLocation | null> {
  if (process.env.TARO_ENV === 'h5') return browserLocation()
  try {
    const p = await Taro.getLocation({ type: 'wgs84' })
    return { latitude: p.latitude, longitude: p.longitude, accuracy: p.accuracy ?? null }
  } catch {
    return null
  }
}
