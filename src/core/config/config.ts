import { type ClientConfig, type ClientConfigInput, clientOptions } from './client-config.ts'
import {
  type InterceptorConfig,
  type InterceptorConfigInput,
  interceptorOptions,
} from './interceptor-config.ts'
import { group } from './option-specs.ts'
import { type ParseContext, parseGroup } from './parse-group.ts'
import { type PoolConfig, type PoolConfigInput, poolOptions } from './pool-config.ts'
import { type ServerConfig, type ServerConfigInput, serverOptions } from './server-config.ts'
import { type SessionConfig, type SessionConfigInput, sessionOptions } from './session-config.ts'

/**
 * mcpkit's settings as you pass them: every section and every option is optional. A resolved
 * {@link Config} is a valid `ConfigInput` too, so configs can be layered.
 *
 * @example
 * const config = createConfig({
 *   server: { name: 'weather', version: '1.2.0', allowedHosts: ['weather.example.com'] },
 *   client: { requestTimeoutMs: 30_000 },
 * })
 */
export interface ConfigInput {
  /** How the server accepts, limits and ends requests. */
  readonly server?: ServerConfigInput | undefined
  /** Client timeouts, protocol pinning and reconnection. */
  readonly client?: ClientConfigInput | undefined
  /** Session lifetime, limits, persistence and event replay. */
  readonly session?: SessionConfigInput | undefined
  /** The interceptor chain's timeout and failure policy. */
  readonly interceptor?: InterceptorConfigInput | undefined
  /** The client's connection pool. */
  readonly pool?: PoolConfigInput | undefined
}

/** mcpkit's settings, validated, with every default applied and deeply frozen. */
export interface Config {
  readonly server: ServerConfig
  readonly client: ClientConfig
  readonly session: SessionConfig
  readonly interceptor: InterceptorConfig
  readonly pool: PoolConfig
}

/**
 * Every section's options: the single source for validation, the env variables and suggestions
 * (their README text is in option-docs.ts).
 *
 * @internal
 */
export const configOptions = group({
  server: serverOptions,
  client: clientOptions,
  session: sessionOptions,
  interceptor: interceptorOptions,
  pool: poolOptions,
})

/**
 * Validates a configuration, applies every default and freezes the result. It fails fast: the first
 * problem throws, naming the option and the value, before anything is started with a bad setting.
 *
 * @example
 * createConfig({ server: { maxClients: -3 } })
 * // ConfigError: Invalid config option `server.maxClients`: expected an integer >= 1, got -3
 * @throws {ConfigError} for a wrong type, an out-of-range value, an unknown key (with a suggestion
 * when it looks like a typo) or options that contradict each other.
 * @see {@link withEnvOverrides} to layer `MCPKIT_*` environment variables on top.
 */
export function createConfig(input: ConfigInput = {}): Config {
  return resolveConfig(input, { path: [] })
}

/** {@link createConfig} with the context that lets errors name environment variables. @internal */
export function resolveConfig(input: unknown, context: ParseContext): Config {
  const resolved = parseGroup(configOptions, input, context)
  return resolved
}
