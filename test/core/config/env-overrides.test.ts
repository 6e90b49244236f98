import { afterEach, describe, expect, test } from 'vitest'
import { CONFIG_ENV_VARS, createConfig, withEnvOverrides } from '../../../src/core/config/index.ts'
import { type ConfigError, isConfigError } from '../../../src/core/errors/index.ts'

function configError(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (error) {
    expect(isConfigError(error)).toBe(true)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError, but nothing was thrown')
}

describe('values are read by the option’s type', () => {
  test('integers', () => {
    const config = withEnvOverrides(
      {},
      {
        MCPKIT_SERVER_MAX_CLIENTS: '250',
        MCPKIT_CLIENT_RECONNECT_MAX_RETRIES: '0',
        MCPKIT_SESSION_EVENTS_EVENT_TTL_MS: ' 90000 ',
        MCPKIT_POOL_MAX_CONNECTIONS: '+4',
      },
    )
    expect(config.server.maxClients).toBe(250)
    expect(config.client.reconnect.maxRetries).toBe(0)
    expect(config.session.events.eventTtlMs).toBe(90_000)
    expect(config.pool.maxConnections).toBe(4)
  })

  test('MCPKIT_SESSION_EVENTS_REPLAY=0 turns replay off', () => {
    const env = { MCPKIT_SESSION_EVENTS_REPLAY: '0' }
    expect(withEnvOverrides({}, env).session.events.replay).toBe(false)
    expect(withEnvOverrides({}, {}).session.events.replay).toBe(true)
  })

  test('numbers with fractions', () => {
    const env = { MCPKIT_CLIENT_RECONNECT_BACKOFF_FACTOR: '1.5' }
    expect(withEnvOverrides({}, env).client.reconnect.backoffFactor).toBe(1.5)
    const exponent = { MCPKIT_CLIENT_RECONNECT_BACKOFF_FACTOR: '2.5e0' }
    expect(withEnvOverrides({}, exponent).client.reconnect.backoffFactor).toBe(2.5)
  })

  test.each([
    ['true', true],
    ['TRUE', true],
    ['1', true],
    ['false', false],
    ['False', false],
    ['0', false],
  ])('boolean %s', (text, expected) => {
    const config = withEnvOverrides(
      { server: { legacy: !expected } },
      { MCPKIT_SERVER_LEGACY: text },
    )
    expect(config.server.legacy).toBe(expected)
  })

  test('comma-separated lists, entries trimmed and empty entries dropped', () => {
    const config = withEnvOverrides(
      {},
      {
        MCPKIT_SERVER_ALLOWED_HOSTS: 'api.example.com, api.example.com:8443,,',
        MCPKIT_SERVER_ALLOWED_ORIGINS: 'https://app.example.com',
      },
    )
    expect(config.server.allowedHosts).toStrictEqual(['api.example.com', 'api.example.com:8443'])
    expect(config.server.allowedOrigins).toStrictEqual(['https://app.example.com'])
  })

  test('strings and choices', () => {
    const config = withEnvOverrides(
      {},
      {
        MCPKIT_SERVER_NAME: 'weather',
        MCPKIT_CLIENT_PROTOCOL_VERSION: '2025-11-25',
        MCPKIT_INTERCEPTOR_ON_ERROR: 'skip',
      },
    )
    expect(config.server.name).toBe('weather')
    expect(config.client.protocolVersion).toBe('2025-11-25')
    expect(config.interceptor.onError).toBe('skip')
  })

  test('an empty or blank variable counts as unset', () => {
    const config = withEnvOverrides(
      { server: { maxClients: 7 } },
      { MCPKIT_SERVER_MAX_CLIENTS: '', MCPKIT_SERVER_NAME: '   ', MCPKIT_POOL_MAX_IDLE: undefined },
    )
    expect(config.server.maxClients).toBe(7)
    expect(config.server.name).toBe('mcpkit-server')
  })
})

describe('precedence and layering', () => {
  test('environment values win over the given config; other options keep theirs', () => {
    const config = withEnvOverrides(
      { server: { maxClients: 5, name: 'from-code' }, client: { reconnect: { maxRetries: 9 } } },
      { MCPKIT_SERVER_MAX_CLIENTS: '50', MCPKIT_CLIENT_RECONNECT_INITIAL_DELAY_MS: '200' },
    )
    expect(config.server.maxClients).toBe(50)
    expect(config.server.name).toBe('from-code')
    expect(config.client.reconnect).toMatchObject({ initialDelayMs: 200, maxRetries: 9 })
  })

  test('a resolved, frozen Config can be layered; it is left untouched', () => {
    const base = createConfig({ pool: { maxConnections: 20, maxIdle: 20 } })
    const config = withEnvOverrides(base, { MCPKIT_POOL_MAX_CONNECTIONS: '4' })
    expect(config.pool).toMatchObject({ maxConnections: 4, maxIdle: 4 })
    expect(base.pool.maxConnections).toBe(20)
    expect(Object.isFrozen(config.pool)).toBe(true)
  })

  test('no variables resolves the config as createConfig does', () => {
    const input = { session: { maxSessions: 3 } }
    expect(withEnvOverrides(input, {})).toStrictEqual(createConfig(input))
  })

  test('MCPKIT_ names outside the config sections are left to their owners', () => {
    const env = {
      MCPKIT_DEBUG: '1',
      MCPKIT_LOG_LEVEL: 'debug',
      MCPKIT_SERVERLESS: 'x',
      PATH: '/bin',
    }
    expect(withEnvOverrides({}, env)).toStrictEqual(createConfig())
  })

  test('a problem in the given config still names the dotted option', () => {
    const error = configError(() =>
      withEnvOverrides({ server: { maxClients: -1 } }, { MCPKIT_SERVER_NAME: 'x' }),
    )
    expect(error.option).toBe('server.maxClients')
  })
})

describe('errors name the variable and its text', () => {
  test.each([
    ['MCPKIT_SERVER_MAX_CLIENTS', 'lots', 'server.maxClients', 'expected an integer >= 1'],
    ['MCPKIT_SERVER_MAX_CLIENTS', '1.5', 'server.maxClients', 'expected an integer >= 1'],
    ['MCPKIT_SERVER_MAX_BODY_BYTES', '4MiB', 'server.maxBodyBytes', 'expected an integer >= 1'],
    [
      'MCPKIT_CLIENT_RECONNECT_BACKOFF_FACTOR',
      '0x2',
      'client.reconnect.backoffFactor',
      'expected a finite number between 1 and 10',
    ],
    ['MCPKIT_SERVER_LEGACY_SSE', 'yes', 'server.legacySse', 'expected true, false, 1 or 0'],
    ['MCPKIT_SERVER_LEGACY', 'constructor', 'server.legacy', 'expected true, false, 1 or 0'],
  ])('unreadable: %s=%s', (name, text, option, expected) => {
    const error = configError(() => withEnvOverrides({}, { [name]: text }))
    expect(error.option).toBe(name)
    expect(error.value).toBe(text)
    expect(error.message).toBe(
      `Invalid environment variable \`${name}\` (config option \`${option}\`): ${expected}, got ${JSON.stringify(text)}`,
    )
  })

  test.each([
    ['MCPKIT_SERVER_MAX_CLIENTS', '-3', 'expected an integer >= 1'],
    ['MCPKIT_CLIENT_REQUEST_TIMEOUT_MS', '99999999999', 'between 1 and 2147483647'],
    ['MCPKIT_CLIENT_RECONNECT_BACKOFF_FACTOR', '1e400', 'expected a finite number'],
    ['MCPKIT_CLIENT_PROTOCOL_VERSION', '2099-01-01', 'expected one of "2024-11-05"'],
    ['MCPKIT_INTERCEPTOR_ON_ERROR', 'ignore', 'expected one of "fail", "skip"'],
    ['MCPKIT_SERVER_ALLOWED_HOSTS', 'ok.example,http://bad.example', 'host names'],
    ['MCPKIT_SERVER_ALLOWED_ORIGINS', 'https://app.example.com/', 'origins such as'],
  ])('out of range: %s=%s', (name, text, expected) => {
    const error = configError(() => withEnvOverrides({}, { [name]: text }))
    expect(error.option).toBe(name)
    expect(error.value).toBe(text)
    expect(error.message).toContain(`Invalid environment variable \`${name}\``)
    expect(error.message).toContain(expected)
    expect(error.message).toContain(`got ${JSON.stringify(text)}`)
  })

  test('a cross-field conflict caused by a variable names that variable', () => {
    const error = configError(() =>
      withEnvOverrides({}, { MCPKIT_CLIENT_RECONNECT_MAX_DELAY_MS: '10' }),
    )
    expect(error.option).toBe('MCPKIT_CLIENT_RECONNECT_MAX_DELAY_MS')
    expect(error.value).toBe('10')
    expect(error.message).toBe(
      'Invalid environment variable `MCPKIT_CLIENT_RECONNECT_MAX_DELAY_MS` (config option `client.reconnect.maxDelayMs`): expected a value >= `client.reconnect.initialDelayMs` (1000), got "10"',
    )
  })
})

describe('unknown variables under a section prefix are refused', () => {
  test.each([
    ['MCPKIT_SERVER_MAX_CLIENT', 'MCPKIT_SERVER_MAX_CLIENTS'],
    ['MCPKIT_SERVER_MAXCLIENTS', 'MCPKIT_SERVER_MAX_CLIENTS'],
    ['MCPKIT_CLIENT_RECONNECT_RETRIES', 'MCPKIT_CLIENT_RECONNECT_MAX_RETRIES'],
    ['MCPKIT_SESSION_EVENTS_TTL_MS', 'MCPKIT_SESSION_EVENTS_EVENT_TTL_MS'],
    ['MCPKIT_CLIENT_TIMEOUT_MS', 'MCPKIT_CLIENT_REQUEST_TIMEOUT_MS'],
    ['mcpkit_pool_max_idle', 'MCPKIT_POOL_MAX_IDLE'],
  ])('%s suggests %s', (name, suggestion) => {
    const error = configError(() => withEnvOverrides({}, { [name]: '3' }))
    expect(error.option).toBe(name)
    expect(error.value).toBe('3')
    expect(error.message).toBe(
      `Unknown environment variable \`${name}\`: did you mean \`${suggestion}\`?`,
    )
  })

  test('with nothing close, the section’s variables are listed', () => {
    const error = configError(() =>
      withEnvOverrides({}, { MCPKIT_INTERCEPTOR_WHATEVER_SETTING_THIS_IS: 'x' }),
    )
    expect(error.message).toBe(
      'Unknown environment variable `MCPKIT_INTERCEPTOR_WHATEVER_SETTING_THIS_IS`: the MCPKIT_INTERCEPTOR_* variables are MCPKIT_INTERCEPTOR_TIMEOUT_MS, MCPKIT_INTERCEPTOR_ON_ERROR',
    )
  })

  test('the unknown variable’s text stays out of the message', () => {
    const error = configError(() => withEnvOverrides({}, { MCPKIT_SERVER_API_KEY: 's3cret' }))
    expect(error.message).not.toContain('s3cret')
  })

  test('even when empty', () => {
    expect(configError(() => withEnvOverrides({}, { MCPKIT_POOL_SIZE: '' })).option).toBe(
      'MCPKIT_POOL_SIZE',
    )
  })
})

describe('the default environment', () => {
  const name = 'MCPKIT_SESSION_MAX_SESSIONS'
  afterEach(() => {
    delete process.env[name]
  })

  test('is process.env where there is one', () => {
    process.env[name] = '42'
    expect(withEnvOverrides({}).session.maxSessions).toBe(42)
  })

  test('is empty where there is no process (browsers)', () => {
    process.env[name] = '42'
    const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'process')
    expect(descriptor).toBeDefined()
    Object.defineProperty(globalThis, 'process', { value: undefined, configurable: true })
    let config: ReturnType<typeof withEnvOverrides>
    try {
      config = withEnvOverrides({})
    } finally {
      Object.defineProperty(globalThis, 'process', descriptor as PropertyDescriptor)
    }
    expect(config.session.maxSessions).toBe(10_000)
  })
})

test('every listed variable reaches its option', () => {
  // The text is invalid for every numeric, boolean, list and choice option, and a valid string.
  const text = '-99999999999999999'
  for (const { name, option } of CONFIG_ENV_VARS) {
    let resolved: unknown
    try {
      resolved = option
        .split('.')
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown>)[key],
          withEnvOverrides({}, { [name]: text }),
        )
    } catch (error) {
      expect(isConfigError(error) && error.option, option).toBe(name)
      continue
    }
    expect([resolved].flat(), option).toStrictEqual([text])
  }
})
