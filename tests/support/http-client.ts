// A tiny cookie-keeping client over real HTTP (fetch on loopback), like one browser.
export function browserLike(base: string) {
  const jar = new Map<string, string>()
  const setCookies: string[] = []
  async function request(path: string, init: RequestInit = {}) {
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
    const res = await fetch(base + path, {
      redirect: 'manual',
      ...init,
      headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) },
    })
    for (const line of res.headers.getSetCookie()) {
      setCookies.push(line)
      const [pair] = line.split(';')
      const [name, ...value] = pair.split('=')
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line)) jar.delete(name.trim())
      else jar.set(name.trim(), value.join('='))
    }
    return res
  }
  return {
    jar,
    setCookies,
    request,
    async post(path: string, body: unknown) {
      const res = await request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      return { status: res.status, body: await res.json() }
    },
  }
}
