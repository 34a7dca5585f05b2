import { parseHostConfig } from '../../cloudfunctions/host/host-config'

describe('host configuration from the environment', () => {
  it('when nothing is set, then the local defaults apply', () => {
    expect(parseHostConfig({})).toEqual({
      ok: true,
      config: expect.objectContaining({
        port: 8080,
        publicUrl: 'http://localhost:8080',
        dataDir: '.data',
        databaseUrl: undefined,
        seedDemo: true,
        cookieSecure: false,
        dbPoolMax: 10,
      }),
    })
  })

  it('when PORT and PUBLIC_URL are set, then they are used (trailing slash dropped); empty values mean unset', () => {
    const parsed = parseHostConfig({ PORT: '9090', PUBLIC_URL: 'http://192.168.1.5:9090/', DATABASE_URL: '' })
    expect(parsed.ok && parsed.config).toMatchObject({ port: 9090, publicUrl: 'http://192.168.1.5:9090', databaseUrl: undefined })
  })

  it.each([
    [{ PORT: 'eighty' }, 'PORT="eighty"：必须是数字'],
    [{ PORT: '70000' }, 'PORT="70000"：必须在 0 到 65535 之间（0 = 任选空闲端口）'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x"：必须是 postgres:// 开头的连接串'],
    [{ DB_POOL_MAX: '0' }, 'DB_POOL_MAX="0"：必须在 1 到 100 之间'],
    [{ DB_POOL_MAX: 'many' }, 'DB_POOL_MAX="many"：必须是数字'],
    [{ SEED_DEMO: 'yes' }, 'SEED_DEMO="yes"：只能是 true 或 false'],
    [{ DEMO_PASSWORD: 'short' }, 'DEMO_PASSWORD="…"：至少 8 个字符'], // secrets are never echoed
    [{ DATA_KEY: 'c2hvcnQ=' }, 'DATA_KEY="…"：必须是 32 字节的 base64 密钥'],
  ])('when %j, then the process is stopped with the sentence %s', (env, problem) => {
    expect(parseHostConfig(env)).toEqual({ ok: false, problems: [problem] })
  })
})
