/**
 * @module
 * The central configuration: one validated, frozen {@link Config} with `server`, `client`,
 * `session`, `interceptor` and `pool` sections, created with {@link createConfig} and optionally
 * layered with `MCPKIT_*` environment variables by {@link withEnvOverrides}. Every export here is
 * public API. The option tables behind it (plain checks, no schema library) stay internal: import
 * them from the section files.
 */
export {
  type ClientConfig,
  type ClientConfigInput,
  type ReconnectConfig,
  type ReconnectConfigInput,
  resolveClientConfig,
} from './client-config.ts'
export { type Config, type ConfigInput, createConfig } from './config.ts'
export { type ConfigEnv, withEnvOverrides } from './env-overrides.ts'
export { CONFIG_ENV_VARS, type ConfigEnvVar } from './env-vars.ts'
export {
  type InterceptorConfig,
  type InterceptorConfigInput,
  type InterceptorErrorPolicy,
  resolveInterceptorConfig,
} from './interceptor-config.ts'
export { MAX_TIMER_MS } from './option-specs.ts'
export {
  type PoolConfig,
  type PoolConfigInput,
  resolvePoolConfig,
} from './pool-config.ts'
export {
  resolveServerConfig,
  type ServerConfig,
  type ServerConfigInput,
} from './server-config.ts'
export {
  resolveSessionConfig,
  type SessionConfig,
  type SessionConfigInput,
  type SessionEventsConfig,
  type SessionEventsConfigInput,
} from './session-config.ts'
