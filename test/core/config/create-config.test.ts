import { describe, expect, test } from 'vitest'
import {
  type Config,
  createConfig,
  resolveClientConfig,
  resolveInterceptorConfig,
  resolvePoolConfig,
  resolveServerConfig,
  resolveSessionConfig,
} from '../../../src/core/config/index.ts'

// The documented defaults, written out: a change here is a change to the public contract.
const DEFAULTS: Config = {
  server: {
    name: 'mcpkit-server',
    version: '0.0.0',
    maxClients: 1000,
    retryAfterMs: 1000,
    maxBodyBytes: 4 * 1024 * 1024,
    cors: true,
    corsMaxAgeMs: 7_200_000,
    corsCredentials: false,
    shutdownTimeoutMs: 10_000,
    sseRetryMs: 1000,
    keepAliveIntervalMs: 15_000,
    requestTimeoutMs: 300_000,
    legacy: true,
    legacySse: false,
  },
  client: {
    name: 'mcpkit-client',
    version: '0.0.0',
    requestTimeoutMs: 60_000,
    maxTotalTimeoutMs: 300_000,
    resetTimeoutOnProgress: true,
    maxInputRounds: 10,
    reconnect: { initialDelayMs: 1000, maxDelayMs: 30_000, maxRetries: 5, backoffFactor: 2 },
  },
  session: {
    idleTimeoutMs: 1_800_000,
    maxAgeMs: 86_400_000,
    maxSessions: 10_000,
    persistIntervalMs: 1000,
    cleanupIntervalMs: 60_000,
    events: { replay: true, maxEventsPerStream: 1000, eventTtlMs: 300_000 },
  },
  interceptor: { timeoutMs: 5000, onError: 'fail' },
  pool: { maxConnections: 10, maxIdle: 10, idleTimeoutMs: 60_000, acquireTimeoutMs: 10_000 },
}

function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true
  return Object.isFrozen(value) && Object.values(value).every(isDeeplyFrozen)
}

describe('createConfig defaults', () => {
  test('no input resolves every section to its documented defaults', () => {
    expect(createConfig()).toStrictEqual(DEFAULTS)
    expect(createConfig({})).toStrictEqual(DEFAULTS)
  })

  test('absent and undefined sections and groups fall back to defaults', () => {
    const config = createConfig({
      server: undefined,
      client: { reconnect: undefined },
      session: { events: {} },
    })
    expect(config).toStrictEqual(DEFAULTS)
  })

  test('optional settings stay unset: loopback hosts and origins, a negotiated version', () => {
    const { server, client } = createConfig()
    expect(server.allowedHosts).toBeUndefined()
    expect(server.allowedOrigins).toBeUndefined()
    expect(client.protocolVersion).toBeUndefined()
  })

  test('given values replace defaults one by one; the rest keep theirs', () => {
    const config = createConfig({
      server: { maxClients: 5, allowedHosts: ['api.example.com', 'api.example.com:8443'] },
      client: { protocolVersion: '2025-06-18', reconnect: { maxRetries: 0 } },
      session: { events: { eventTtlMs: 1 } },
      interceptor: { onError: 'skip' },
    })
    expect(config.server).toStrictEqual({
      ...DEFAULTS.server,
      maxClients: 5,
      allowedHosts: ['api.example.com', 'api.example.com:8443'],
    })
    expect(config.client.protocolVersion).toBe('2025-06-18')
    expect(config.client.reconnect).toStrictEqual({ ...DEFAULTS.client.reconnect, maxRetries: 0 })
    expect(config.session.events).toStrictEqual({
      replay: true,
      maxEventsPerStream: 1000,
      eventTtlMs: 1,
    })
    expect(config.interceptor.onError).toBe('skip')
  })

  test('boundary values are accepted: zero where it means "off", the largest timer delay', () => {
    const config = createConfig({
      server: { keepAliveIntervalMs: 0, sseRetryMs: 0, allowedOrigins: [] },
      client: { requestTimeoutMs: 2_147_483_647, maxTotalTimeoutMs: 2_147_483_647 },
      session: { maxAgeMs: Number.MAX_SAFE_INTEGER },
      pool: { maxIdle: 0 },
    })
    expect(config.server.keepAliveIntervalMs).toBe(0)
    expect(config.server.allowedOrigins).toStrictEqual([])
    expect(config.client.maxTotalTimeoutMs).toBe(2_147_483_647)
    expect(config.session.maxAgeMs).toBe(Number.MAX_SAFE_INTEGER)
    expect(config.pool.maxIdle).toBe(0)
  })

  test('text options are trimmed', () => {
    expect(createConfig({ server: { name: '  weather ' } }).server.name).toBe('weather')
  })

  test('pool.maxIdle above maxConnections resolves to maxConnections', () => {
    expect(createConfig({ pool: { maxConnections: 3 } }).pool).toMatchObject({
      maxConnections: 3,
      maxIdle: 3,
    })
    expect(createConfig({ pool: { maxConnections: 3, maxIdle: 2 } }).pool.maxIdle).toBe(2)
  })
})

describe('createConfig result', () => {
  test('is deeply frozen', () => {
    const config = createConfig({ server: { allowedHosts: ['a.example'] } })
    expect(isDeeplyFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.server.allowedHosts)).toBe(true)
    expect(() => {
      ;(config.server as { maxClients: number }).maxClients = 1
    }).toThrow(TypeError)
    expect(() => {
      ;(config.client.reconnect as { maxRetries: number }).maxRetries = 1
    }).toThrow(TypeError)
  })

  test('never freezes or shares the caller’s objects', () => {
    const hosts = ['a.example']
    const input = { server: { allowedHosts: hosts } }
    const config = createConfig(input)
    expect(Object.isFrozen(input)).toBe(false)
    expect(Object.isFrozen(hosts)).toBe(false)
    expect(config.server.allowedHosts).not.toBe(hosts)
    hosts.push('b.example')
    expect(config.server.allowedHosts).toStrictEqual(['a.example'])
  })

  test('a resolved config is a valid input and resolves to an equal config', () => {
    const first = createConfig({ server: { allowedOrigins: ['https://app.example'] } })
    expect(createConfig(first)).toStrictEqual(first)
  })

  test('each call builds a new config', () => {
    expect(createConfig()).not.toBe(createConfig())
    expect(createConfig().client.reconnect).not.toBe(createConfig().client.reconnect)
  })
})

describe('section resolvers', () => {
  test('each resolves its section exactly as createConfig does', () => {
    expect(resolveServerConfig()).toStrictEqual(DEFAULTS.server)
    expect(resolveClientConfig()).toStrictEqual(DEFAULTS.client)
    expect(resolveSessionConfig()).toStrictEqual(DEFAULTS.session)
    expect(resolveInterceptorConfig()).toStrictEqual(DEFAULTS.interceptor)
    expect(resolvePoolConfig()).toStrictEqual(DEFAULTS.pool)
    expect(resolveClientConfig({ reconnect: { maxRetries: 9 } }).reconnect.maxRetries).toBe(9)
  })

  test('each returns a deeply frozen section', () => {
    expect(isDeeplyFrozen(resolveClientConfig())).toBe(true)
    expect(isDeeplyFrozen(resolveSessionConfig())).toBe(true)
    expect(isDeeplyFrozen(resolveServerConfig({ allowedHosts: ['x.example'] }))).toBe(true)
  })
})
