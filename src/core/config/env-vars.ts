import { configOptions } from './config.ts'
import { OPTION_DOCS, type OptionDoc } from './option-docs.ts'
import type { EnvFormat, FieldTable, OptionSpec } from './option-specs.ts'

/** One `MCPKIT_*` environment variable that {@link withEnvOverrides} reads. */
export interface ConfigEnvVar {
  /** The variable, e.g. `MCPKIT_SERVER_MAX_CLIENTS`. */
  readonly name: string
  /** The config option it sets, e.g. `server.maxClients`. */
  readonly option: string
  /** What the option does, in one line. */
  readonly description: string
  /** The option's default, as text. */
  readonly default: string
  /** What the variable's text may be, e.g. `an integer >= 1` or `true, false, 1 or 0`. */
  readonly format: string
}

/**
 * A variable together with how to read it.
 *
 * @internal
 */
export interface EnvBinding extends ConfigEnvVar {
  /** The option's path, e.g. `['server', 'maxClients']`. */
  readonly path: readonly string[]
  readonly env: EnvFormat
  /** What a valid value looks like, for error messages. */
  readonly expected: string
}

const ENV_PREFIX = 'MCPKIT_'

/** `keepAliveIntervalMs` → `KEEP_ALIVE_INTERVAL_MS`. */
const screamingSnake = (key: string): string =>
  key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase()

/**
 * The variable name for an option path: `['client', 'reconnect', 'maxRetries']` →
 * `MCPKIT_CLIENT_RECONNECT_MAX_RETRIES`.
 *
 * @internal
 */
export const envVarName = (path: readonly string[]): string =>
  ENV_PREFIX + path.map(screamingSnake).join('_')

/** The words a boolean variable may hold, any case (`readValue` in env-overrides.ts reads them). */
const BOOLEAN_FORMAT = 'true, false, 1 or 0'

function formatOf(spec: OptionSpec): string {
  if (spec.envFormat !== undefined) return spec.envFormat
  return spec.env === 'boolean' ? BOOLEAN_FORMAT : spec.expected.replace(/^expected /, '')
}

const DOCS: Readonly<Record<string, OptionDoc | undefined>> = OPTION_DOCS

function collect(fields: FieldTable, path: readonly string[]): EnvBinding[] {
  return Object.entries(fields).flatMap(([key, spec]): EnvBinding[] => {
    const at = [...path, key]
    if (spec.kind === 'group') return collect(spec.fields, at)
    const option = at.join('.')
    // OPTION_DOCS's type lists every option, so a missing entry cannot compile; the fallbacks only
    // keep the types honest.
    const doc = DOCS[option]
    return [
      {
        name: envVarName(at),
        option,
        description: doc?.description ?? '',
        default: spec.optional ? (doc?.unset ?? '') : String(spec.defaultValue),
        format: formatOf(spec),
        path: at,
        env: spec.env,
        expected: spec.expected,
      },
    ]
  })
}

/**
 * Every variable with its reading rules, derived from the option tables.
 *
 * @internal
 */
export const ENV_BINDINGS: readonly EnvBinding[] = Object.freeze(collect(configOptions.fields, []))

/**
 * Every `MCPKIT_*` environment variable {@link withEnvOverrides} reads, one per option, derived
 * from the same tables as the schemas so the list cannot drift. The README's table holds one row
 * per entry, and test/docs/readme.test.ts checks each row against it.
 *
 * @example
 * for (const v of CONFIG_ENV_VARS) console.log(`${v.name}\t${v.option}\t${v.default}`)
 */
export const CONFIG_ENV_VARS: readonly ConfigEnvVar[] = Object.freeze(
  ENV_BINDINGS.map(({ name, option, description, default: fallback, format }) =>
    Object.freeze({ name, option, description, default: fallback, format }),
  ),
)

/**
 * The variable prefix of each section, e.g. `MCPKIT_SERVER_`.
 *
 * @internal
 */
export const SECTION_PREFIXES: readonly string[] = Object.freeze(
  Object.keys(configOptions.fields).map((section) => `${envVarName([section])}_`),
)
