import { ConfigError, type ConfigErrorInit } from '../errors/index.ts'
import { closestName } from './closest-name.ts'
import { type Config, type ConfigInput, resolveConfig } from './config.ts'
import { ENV_BINDINGS, type EnvBinding, SECTION_PREFIXES } from './env-vars.ts'
import { formatValue } from './format-value.ts'

/** Environment variables by name, as `process.env` holds them. */
export type ConfigEnv = Readonly<Record<string, string | undefined>>

const BINDINGS_BY_NAME: ReadonlyMap<string, EnvBinding> = new Map(
  ENV_BINDINGS.map((binding) => [binding.name, binding]),
)

/**
 * Layers `MCPKIT_*` environment variables over a configuration and resolves it, so deployments can
 * tune mcpkit without code changes. The variable for an option is `MCPKIT_` plus its path in
 * SCREAMING_SNAKE case (`server.maxClients` → `MCPKIT_SERVER_MAX_CLIENTS`); {@link CONFIG_ENV_VARS}
 * lists them all.
 *
 * - Environment values win over `config`.
 * - Integers and numbers are decimal; booleans are `true`, `false`, `1` or `0`; lists are
 *   comma-separated; an empty or blank variable counts as unset.
 * - A variable under a section prefix (`MCPKIT_SERVER_…`) that names no option is refused, with the
 *   closest valid name: a typo must not be silently ignored. Other `MCPKIT_*` names are left alone.
 *
 * `env` defaults to `process.env` where there is one (Node, Deno, Bun) and to `{}` elsewhere
 * (browsers, most edge runtimes).
 *
 * @example
 * // MCPKIT_SERVER_MAX_CLIENTS=200 MCPKIT_SERVER_ALLOWED_HOSTS=api.example.com,api.example.com:8443
 * const config = withEnvOverrides({ server: { name: 'weather' } })
 * config.server.maxClients // 200
 * @throws {ConfigError} whose `option` is the variable's name and whose `value` is its text when
 * the text cannot be read or is out of range, or when the variable is unknown; or for a problem in
 * `config`.
 */
export function withEnvOverrides(
  config: ConfigInput | Config,
  env: ConfigEnv = processEnv(),
): Config {
  const overrides: Record<string, unknown> = {}
  const envSources = new Map<string, EnvSource>()
  for (const [name, raw] of Object.entries(env)) {
    if (raw === undefined) continue
    const binding = BINDINGS_BY_NAME.get(name)
    if (binding === undefined) {
      refuseIfMisspelt(name, raw)
      continue
    }
    const text = raw.trim()
    if (text === '') continue
    const source = { name, raw }
    setAt(overrides, binding.path, readValue(binding, { text, source }))
    envSources.set(binding.option, source)
  }
  return resolveConfig(mergeOver(config, overrides), {
    path: [],
    // A refused value that came from a variable is reported as that variable's text.
    explainInvalid: ({ option, expected }) => {
      const source = envSources.get(option)
      return source && invalidEnvVar({ source, option, expected })
    },
  })
}

/** Where an option's value came from: the variable's name and its text as found. */
interface EnvSource {
  /** The variable's name, e.g. `MCPKIT_SERVER_MAX_CLIENTS`. */
  readonly name: string
  /** Its text, as found in the environment. */
  readonly raw: string
}

/**
 * The error for an environment variable whose text is refused: it names the variable, the option it
 * sets and the text as found.
 */
function invalidEnvVar(report: {
  readonly source: EnvSource
  readonly option: string
  readonly expected: string
}): ConfigErrorInit {
  const { source, option, expected } = report
  return {
    option: source.name,
    value: source.raw,
    message: `Invalid environment variable \`${source.name}\` (config option \`${option}\`): ${expected}, got ${formatValue(source.raw)}`,
  }
}

/** `globalThis.process.env`, reached without naming the Node global; `{}` where there is none. */
function processEnv(): ConfigEnv {
  const host: unknown = Reflect.get(globalThis, 'process')
  const env: unknown =
    typeof host === 'object' && host !== null ? Reflect.get(host, 'env') : undefined
  return typeof env === 'object' && env !== null ? (env as ConfigEnv) : {}
}

const INTEGER = /^[+-]?\d+$/
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i
const BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['1', true],
  ['false', false],
  ['0', false],
])

/** Turns a variable's text into the option's type; range checks are left to the schema. */
function readValue(
  binding: EnvBinding,
  read: { readonly text: string; readonly source: EnvSource },
): unknown {
  const { text, source } = read
  const fail = (expected: string): never => {
    throw new ConfigError(invalidEnvVar({ source, option: binding.option, expected }))
  }
  switch (binding.env) {
    case 'integer':
      return INTEGER.test(text) ? Number(text) : fail(binding.expected)
    case 'number':
      return DECIMAL.test(text) ? Number(text) : fail(binding.expected)
    case 'boolean':
      return BOOLEANS.get(text.toLowerCase()) ?? fail(`expected ${binding.format}`)
    case 'list':
      return text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
    default:
      return text
  }
}

/** Refuses an unknown variable under a section prefix, suggesting the closest real name. */
function refuseIfMisspelt(name: string, raw: string): void {
  const upper = name.toUpperCase()
  const prefix = SECTION_PREFIXES.find((p) => upper.startsWith(p))
  if (prefix === undefined) return
  const siblings = ENV_BINDINGS.filter((b) => b.name.startsWith(prefix)).map((b) => b.name)
  const suffix = closestName(
    upper.slice(prefix.length),
    siblings.map((sibling) => sibling.slice(prefix.length)),
  )
  const hint =
    suffix === undefined
      ? `the ${prefix}* variables are ${siblings.join(', ')}`
      : `did you mean \`${prefix}${suffix}\`?`
  throw new ConfigError({
    option: name,
    value: raw,
    // The text stays out of the message: an unknown variable may hold anything, secrets included.
    message: `Unknown environment variable \`${name}\`: ${hint}`,
  })
}

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target
  for (const key of path.slice(0, -1)) {
    const child = node[key]
    node[key] = isPlainObject(child) ? child : {}
    node = node[key] as Record<string, unknown>
  }
  const last = path.at(-1)
  if (last !== undefined) node[last] = value
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * `override` laid over `base` without touching either. A `base` that is not an object is kept as it
 * is, so validation still reports it.
 */
function mergeOver(base: unknown, override: Readonly<Record<string, unknown>>): unknown {
  if (base !== undefined && !isPlainObject(base)) return base
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(override)) {
    merged[key] = isPlainObject(value) ? mergeOver(merged[key], value) : value
  }
  return merged
}
