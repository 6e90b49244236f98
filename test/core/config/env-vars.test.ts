import { describe, expect, test } from 'vitest'
import { CONFIG_ENV_VARS, type Config, createConfig } from '../../../src/core/config/index.ts'

/** Every dotted path to a leaf option of `T` (a value that is not a nested group). */
type LeafPaths<T, TPrefix extends string = ''> = {
  [TKey in keyof T & string]-?: NonNullable<T[TKey]> extends
    | string
    | number
    | boolean
    | readonly unknown[]
    ? `${TPrefix}${TKey}`
    : LeafPaths<NonNullable<T[TKey]>, `${TPrefix}${TKey}.`>
}[keyof T & string]

// `satisfies Record<…>` makes the compiler insist on every leaf of the public Config type, and
// refuse paths that do not exist, so this list cannot drift from the interfaces.
const LEAF_OPTIONS = Object.keys({
  'server.name': true,
  'server.version': true,
  'server.maxClients': true,
  'server.retryAfterMs': true,
  'server.maxBodyBytes': true,
  'server.allowedHosts': true,
  'server.allowedOrigins': true,
  'server.cors': true,
  'server.corsMaxAgeMs': true,
  'server.corsCredentials': true,
  'server.shutdownTimeoutMs': true,
  'server.sseRetryMs': true,
  'server.keepAliveIntervalMs': true,
  'server.requestTimeoutMs': true,
  'server.legacy': true,
  'server.legacySse': true,
  'client.name': true,
  'client.version': true,
  'client.requestTimeoutMs': true,
  'client.maxTotalTimeoutMs': true,
  'client.resetTimeoutOnProgress': true,
  'client.protocolVersion': true,
  'client.maxInputRounds': true,
  'client.reconnect.initialDelayMs': true,
  'client.reconnect.maxDelayMs': true,
  'client.reconnect.maxRetries': true,
  'client.reconnect.backoffFactor': true,
  'session.idleTimeoutMs': true,
  'session.maxAgeMs': true,
  'session.maxSessions': true,
  'session.persistIntervalMs': true,
  'session.cleanupIntervalMs': true,
  'session.events.replay': true,
  'session.events.maxEventsPerStream': true,
  'session.events.eventTtlMs': true,
  'interceptor.timeoutMs': true,
  'interceptor.onError': true,
  'pool.maxConnections': true,
  'pool.maxIdle': true,
  'pool.idleTimeoutMs': true,
  'pool.acquireTimeoutMs': true,
} satisfies Record<LeafPaths<Config>, true>)

const optionToName = (option: string): string =>
  `MCPKIT_${option
    .replace(/\./g, '_')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()}`

describe('CONFIG_ENV_VARS', () => {
  test('every leaf option has exactly one variable, and every variable an option', () => {
    const options = CONFIG_ENV_VARS.map((v) => v.option)
    expect(new Set(options).size).toBe(options.length)
    expect([...options].sort()).toStrictEqual([...LEAF_OPTIONS].sort())
  })

  test('names are unique and follow MCPKIT_ + section + path in SCREAMING_SNAKE', () => {
    const names = CONFIG_ENV_VARS.map((v) => v.name)
    expect(new Set(names).size).toBe(names.length)
    for (const { name, option } of CONFIG_ENV_VARS) expect(name).toBe(optionToName(option))
    expect(names).toContain('MCPKIT_SERVER_MAX_CLIENTS')
    expect(names).toContain('MCPKIT_CLIENT_RECONNECT_MAX_RETRIES')
    expect(names).toContain('MCPKIT_SESSION_EVENTS_EVENT_TTL_MS')
  })

  test('each default matches what createConfig resolves, or says the option is unset', () => {
    const config = createConfig()
    for (const { option, default: fallback } of CONFIG_ENV_VARS) {
      const value = option
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], config)
      if (value === undefined) expect(fallback, option).toMatch(/^[a-z]+( [a-z]+)*$/)
      else expect(fallback, option).toBe(String(value))
    }
  })

  test('each has a description and a format', () => {
    for (const v of CONFIG_ENV_VARS) {
      expect(v.description.length, v.name).toBeGreaterThan(10)
      expect(v.format.length, v.name).toBeGreaterThan(5)
    }
    const legacy = CONFIG_ENV_VARS.find((v) => v.name === 'MCPKIT_SERVER_LEGACY')
    expect(legacy?.format).toBe('true, false, 1 or 0')
    const hosts = CONFIG_ENV_VARS.find((v) => v.name === 'MCPKIT_SERVER_ALLOWED_HOSTS')
    expect(hosts?.format).toMatch(/^comma-separated /)
  })

  test('is frozen', () => {
    expect(Object.isFrozen(CONFIG_ENV_VARS)).toBe(true)
    expect(CONFIG_ENV_VARS.every((v) => Object.isFrozen(v))).toBe(true)
  })
})
