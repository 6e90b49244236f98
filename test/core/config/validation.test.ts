import { describe, expect, test } from 'vitest'
import {
  type ConfigInput,
  createConfig,
  resolveClientConfig,
  resolveInterceptorConfig,
  resolvePoolConfig,
  resolveServerConfig,
  resolveSessionConfig,
} from '../../../src/core/config/index.ts'
import { ConfigError, ErrorCode, isConfigError } from '../../../src/core/errors/index.ts'

/** Runs `fn`, which must throw a ConfigError, and returns that error. */
function configError(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (error) {
    expect(isConfigError(error)).toBe(true)
    expect(error).toBeInstanceOf(ConfigError)
    return error as ConfigError
  }
  throw new Error('expected a ConfigError, but nothing was thrown')
}

/** A deliberately ill-typed input, as plain JavaScript callers or JSON files can produce. */
const untyped = (value: unknown): ConfigInput => value as ConfigInput

describe('the issue: a negative timeout, an unknown key or a wrong type is refused', () => {
  test('a negative timeout', () => {
    const error = configError(() => createConfig({ client: { requestTimeoutMs: -5 } }))
    expect(error.code).toBe(ErrorCode.ConfigInvalid)
    expect(error.name).toBe('ConfigError')
    expect(error.option).toBe('client.requestTimeoutMs')
    expect(error.value).toBe(-5)
    expect(error.message).toBe(
      'Invalid config option `client.requestTimeoutMs`: expected an integer between 1 and 2147483647 (milliseconds), got -5',
    )
  })

  test('an unknown key, with the closest valid name suggested', () => {
    const error = configError(() => createConfig(untyped({ server: { maxClient: 10 } })))
    expect(error.option).toBe('server.maxClient')
    expect(error.value).toBe(10)
    expect(error.message).toBe(
      'Unknown config option `server.maxClient`: did you mean `server.maxClients`?',
    )
  })

  test('a wrong type', () => {
    const error = configError(() => createConfig(untyped({ server: { maxClients: '10' } })))
    expect(error.option).toBe('server.maxClients')
    expect(error.value).toBe('10')
    expect(error.message).toBe(
      'Invalid config option `server.maxClients`: expected an integer >= 1, got "10"',
    )
  })

  test('the example from the design: server.maxClients = -3', () => {
    expect(configError(() => createConfig({ server: { maxClients: -3 } })).message).toBe(
      'Invalid config option `server.maxClients`: expected an integer >= 1, got -3',
    )
  })
})

// [input, option, value, what the message says is expected]
const refused: [string, ConfigInput, string, unknown, string][] = [
  ['NaN', { server: { maxBodyBytes: Number.NaN } }, 'server.maxBodyBytes', Number.NaN, 'got NaN'],
  [
    'Infinity',
    { session: { maxAgeMs: Number.POSITIVE_INFINITY } },
    'session.maxAgeMs',
    Number.POSITIVE_INFINITY,
    'got Infinity',
  ],
  ['a fraction', { pool: { maxConnections: 1.5 } }, 'pool.maxConnections', 1.5, 'got 1.5'],
  [
    'zero where >= 1',
    { server: { maxClients: 0 } },
    'server.maxClients',
    0,
    'expected an integer >= 1',
  ],
  [
    'a timer beyond 2^31 - 1 ms',
    { server: { shutdownTimeoutMs: 2_147_483_648 } },
    'server.shutdownTimeoutMs',
    2_147_483_648,
    'between 0 and 2147483647',
  ],
  [
    'an unsafe integer',
    { session: { maxSessions: 2 ** 53 } },
    'session.maxSessions',
    2 ** 53,
    'expected an integer >= 1',
  ],
  ['an empty name', { server: { name: '' } }, 'server.name', '', 'expected a non-empty string'],
  ['a blank version', { client: { version: '   ' } }, 'client.version', '   ', 'non-empty string'],
  [
    'a string boolean',
    untyped({ server: { legacy: 'true' } }),
    'server.legacy',
    'true',
    'expected true or false',
  ],
  [
    'an unknown protocol revision',
    untyped({ client: { protocolVersion: '2024-10-07' } }),
    'client.protocolVersion',
    '2024-10-07',
    'expected one of "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"',
  ],
  [
    'an unknown error policy',
    untyped({ interceptor: { onError: 'ignore' } }),
    'interceptor.onError',
    'ignore',
    'expected one of "fail", "skip"',
  ],
  [
    'a backoff factor below 1',
    { client: { reconnect: { backoffFactor: 0.5 } } },
    'client.reconnect.backoffFactor',
    0.5,
    'expected a finite number between 1 and 10',
  ],
  [
    'negative retries',
    { client: { reconnect: { maxRetries: -1 } } },
    'client.reconnect.maxRetries',
    -1,
    'expected an integer >= 0',
  ],
  [
    'a zero event TTL',
    { session: { events: { eventTtlMs: 0 } } },
    'session.events.eventTtlMs',
    0,
    'expected an integer >= 1 (milliseconds)',
  ],
  [
    'a negative idle pool timeout',
    { pool: { idleTimeoutMs: -1 } },
    'pool.idleTimeoutMs',
    -1,
    'between 1 and 2147483647',
  ],
  [
    'a negative interceptor timeout',
    { interceptor: { timeoutMs: -100 } },
    'interceptor.timeoutMs',
    -100,
    'between 1 and 2147483647',
  ],
  ['an empty host list', { server: { allowedHosts: [] } }, 'server.allowedHosts', [], 'got []'],
  [
    'hosts that are not a list',
    untyped({ server: { allowedHosts: 'a.example' } }),
    'server.allowedHosts',
    'a.example',
    'expected a non-empty list of host names',
  ],
  ['a null section', untyped({ pool: null }), 'pool', null, 'expected an object, got null'],
  [
    'a list as group',
    untyped({ session: { events: [] } }),
    'session.events',
    [],
    'expected an object',
  ],
]

describe('refused values name the option and the value', () => {
  test.each(refused)('%s', (_, input, option, value, expected) => {
    const error = configError(() => createConfig(input))
    expect(error.option).toBe(option)
    expect(error.value).toStrictEqual(value)
    expect(error.message).toContain(`\`${option}\``)
    expect(error.message).toContain(expected)
  })

  test('a list entry is pointed at, while value holds the whole list', () => {
    const hosts = ['ok.example', 'https://bad.example']
    const error = configError(() => createConfig({ server: { allowedHosts: hosts } }))
    expect(error.option).toBe('server.allowedHosts')
    expect(error.value).toStrictEqual(hosts)
    expect(error.message).toMatch(/got "https:\/\/bad\.example" at index 1$/)
  })

  test.each([
    'http://localhost:3000/',
    'https://example.com:443',
    'HTTPS://Example.com',
    'null',
    'example.com',
  ])('origin %s is refused: browsers never send it in that form', (origin) => {
    const error = configError(() => createConfig({ server: { allowedOrigins: [origin] } }))
    expect(error.option).toBe('server.allowedOrigins')
    expect(error.message).toContain(`got ${JSON.stringify(origin)} at index 0`)
  })

  test('serialized origins and host names with ports are accepted', () => {
    const { server } = createConfig({
      server: {
        allowedOrigins: ['https://app.example.com', 'http://localhost:5173'],
        allowedHosts: ['localhost', '127.0.0.1:3000', '[::1]', '[::1]:8080'],
      },
    })
    expect(server.allowedOrigins).toHaveLength(2)
    expect(server.allowedHosts).toHaveLength(4)
  })

  test('a config that is not an object is refused at the root', () => {
    const error = configError(() => createConfig(untyped('server.maxClients=3')))
    expect(error.option).toBe('')
    expect(error.value).toBe('server.maxClients=3')
    expect(error.message).toBe('Invalid config: expected an object, got "server.maxClients=3"')
  })

  test('long values are cut in the message but kept whole in value', () => {
    const name = 'x'.repeat(500)
    const error = configError(() => createConfig(untyped({ server: { name: [name] } })))
    expect(error.value).toStrictEqual([name])
    expect(error.message.length).toBeLessThan(200)
  })
})

describe('unknown keys', () => {
  test('an unknown section gets the closest section', () => {
    const error = configError(() => createConfig(untyped({ sever: {} })))
    expect(error.option).toBe('sever')
    expect(error.message).toBe('Unknown config option `sever`: did you mean `server`?')
  })

  test('a nested unknown key names its full path', () => {
    const error = configError(() =>
      createConfig(untyped({ client: { reconnect: { maxRetry: 3 } } })),
    )
    expect(error.option).toBe('client.reconnect.maxRetry')
    expect(error.value).toBe(3)
    expect(error.message).toContain('did you mean `client.reconnect.maxRetries`?')
  })

  test('a key resembling nothing lists the valid options instead', () => {
    const error = configError(() => createConfig(untyped({ interceptor: { banana: true } })))
    expect(error.option).toBe('interceptor.banana')
    expect(error.message).toBe(
      'Unknown config option `interceptor.banana`: the options of `interceptor` are timeoutMs, onError',
    )
  })

  test('are reported before other problems', () => {
    const error = configError(() =>
      createConfig(untyped({ server: { maxClients: -1 }, pool: { maxConnection: 2 } })),
    )
    expect(error.option).toBe('pool.maxConnection')
  })

  test("a nested group's unknown key comes before its parent's", () => {
    const input = untyped({ zzz: 1, client: { nope: 1, reconnect: { maxRetry: 1 } } })
    expect(configError(() => createConfig(input)).option).toBe('client.reconnect.maxRetry')
  })

  test('only the first unknown key of a group is reported', () => {
    const error = configError(() =>
      createConfig(untyped({ pool: { maxIdel: 1, maxConection: 2 } })),
    )
    expect(error.option).toBe('pool.maxIdel')
    expect(error.value).toBe(1)
  })
})

describe('which refused value is reported', () => {
  test('the first in field order, nested groups included', () => {
    const input = untyped({
      client: { requestTimeoutMs: 0, reconnect: { maxRetries: -1 } },
      server: { maxClients: 0 },
    })
    expect(configError(() => createConfig(input)).option).toBe('server.maxClients')
    const client = untyped({ client: { reconnect: { maxRetries: -1 }, maxInputRounds: 0 } })
    expect(configError(() => createConfig(client)).option).toBe('client.maxInputRounds')
  })

  test("a nested group's cross-field problem comes before later sections' values", () => {
    const input = untyped({
      client: { reconnect: { maxDelayMs: 1, initialDelayMs: 5 } },
      session: { maxSessions: 0 },
    })
    expect(configError(() => createConfig(input)).option).toBe('client.reconnect.maxDelayMs')
  })

  test('a cross-field check waits until every option of its group is valid', () => {
    const input = untyped({ client: { maxTotalTimeoutMs: 10, requestTimeoutMs: 100, name: '' } })
    expect(configError(() => createConfig(input)).option).toBe('client.name')
  })
})

describe('cross-field checks name the option and both values', () => {
  test('client.reconnect.maxDelayMs must be >= initialDelayMs', () => {
    const error = configError(() =>
      createConfig({ client: { reconnect: { initialDelayMs: 5000, maxDelayMs: 1000 } } }),
    )
    expect(error.option).toBe('client.reconnect.maxDelayMs')
    expect(error.value).toBe(1000)
    expect(error.message).toBe(
      'Invalid config option `client.reconnect.maxDelayMs`: expected a value >= `client.reconnect.initialDelayMs` (5000), got 1000',
    )
  })

  test('the check also applies against a default', () => {
    const error = configError(() =>
      createConfig({ client: { reconnect: { initialDelayMs: 60_000 } } }),
    )
    expect(error.option).toBe('client.reconnect.maxDelayMs')
    expect(error.value).toBe(30_000)
  })

  test('equal delays are fine', () => {
    const config = createConfig({ client: { reconnect: { initialDelayMs: 10, maxDelayMs: 10 } } })
    expect(config.client.reconnect.maxDelayMs).toBe(10)
  })

  test('client.maxTotalTimeoutMs must be >= requestTimeoutMs', () => {
    const error = configError(() =>
      createConfig({ client: { requestTimeoutMs: 600_000, maxTotalTimeoutMs: 120_000 } }),
    )
    expect(error.option).toBe('client.maxTotalTimeoutMs')
    expect(error.value).toBe(120_000)
    expect(error.message).toContain('expected a value >= `client.requestTimeoutMs` (600000)')
  })

  test('server.legacySse needs server.legacy', () => {
    const error = configError(() => createConfig({ server: { legacy: false, legacySse: true } }))
    expect(error.option).toBe('server.legacySse')
    expect(error.value).toBe(true)
    expect(error.message).toContain('`server.legacy` is false')
    expect(createConfig({ server: { legacy: false } }).server.legacySse).toBe(false)
  })
})

describe('section resolvers validate with full option paths', () => {
  test.each([
    ['server', () => resolveServerConfig({ maxBodyBytes: 0 }), 'server.maxBodyBytes'],
    ['client', () => resolveClientConfig({ maxInputRounds: 0 }), 'client.maxInputRounds'],
    [
      'session',
      () => resolveSessionConfig({ events: { maxEventsPerStream: -1 } }),
      'session.events.maxEventsPerStream',
    ],
    [
      'interceptor',
      () => resolveInterceptorConfig(untyped({ onError: 'retry' }) as never),
      'interceptor.onError',
    ],
    ['pool', () => resolvePoolConfig({ acquireTimeoutMs: -1 }), 'pool.acquireTimeoutMs'],
    ['pool, unknown key', () => resolvePoolConfig(untyped({ max: 1 }) as never), 'pool.max'],
    ['pool, not an object', () => resolvePoolConfig(untyped(7) as never), 'pool'],
  ])('%s', (_, resolve, option) => {
    expect(configError(resolve).option).toBe(option)
  })
})
