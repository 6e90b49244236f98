import { ConfigError, type ConfigErrorInit } from '../errors/index.ts'
import { closestName } from './closest-name.ts'
import type { FieldTable, GroupOutput, GroupSpec } from './option-specs.ts'

/**
 * Where an option's value came from, when an environment variable set it.
 *
 * @internal
 */
export interface EnvSource {
  /** The variable's name, e.g. `MCPKIT_SERVER_MAX_CLIENTS`. */
  readonly name: string
  /** Its text, as found in the environment. */
  readonly raw: string
}

/**
 * Where the group being parsed sits and which options the environment set.
 *
 * @internal
 */
export interface ParseContext {
  /** The group's own path, e.g. `['server']`; `[]` for the whole config. */
  readonly path: readonly string[]
  /** Environment sources by dotted option path, so errors can name the variable. */
  readonly envSources?: ReadonlyMap<string, EnvSource>
}

/** One problem found while checking a group: an unknown key or a refused value. */
type Issue =
  | {
      readonly code: 'unrecognized_keys'
      readonly path: readonly string[]
      readonly keys: string[]
    }
  | {
      readonly code: 'invalid'
      readonly path: readonly (string | number)[]
      readonly message: string
      readonly input: unknown
    }

/**
 * Validates `input` against a group and applies its defaults, or throws a {@link ConfigError} for
 * the first problem. The result is deeply frozen. Unknown keys are reported first: a misspelt
 * option is the likeliest cause of a surprising configuration.
 *
 * @internal
 */
export function parseGroup<TFields extends FieldTable>(
  spec: GroupSpec<TFields>,
  input: unknown,
  context: ParseContext,
): GroupOutput<TFields> {
  const issues: Issue[] = []
  const value = checkGroup(spec, input, { path: [], issues })
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0]
  if (issue === undefined) return deepFreeze(value) as GroupOutput<TFields>
  throw new ConfigError(
    issue.code === 'unrecognized_keys'
      ? unknownOption({ spec, input, context, issue })
      : invalidOption({ input, context, issue }),
  )
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Checks one group, appending its problems to `at.issues` in a stable order: each field's (nested
 * groups' included) in field order, then the group's unknown keys. The cross-field check and the
 * normalization run only on a group with no problem.
 */
function checkGroup(
  spec: GroupSpec,
  input: unknown,
  at: { readonly path: readonly string[]; readonly issues: Issue[] },
): Record<string, unknown> {
  const { path, issues } = at
  const output: Record<string, unknown> = {}
  if (!isObject(input)) {
    issues.push({ code: 'invalid', path, message: 'expected an object', input })
    return output
  }
  const before = issues.length
  for (const [key, field] of Object.entries(spec.fields)) {
    const given = input[key]
    if (field.kind === 'group') {
      output[key] = checkGroup(field, given === undefined ? {} : given, {
        path: [...path, key],
        issues,
      })
      continue
    }
    if (given === undefined) {
      if (!field.optional) output[key] = field.defaultValue
      else if (key in input) output[key] = undefined
      continue
    }
    const checked = field.check(given)
    if (checked.ok) output[key] = checked.value
    else {
      const where = checked.index === undefined ? [key] : [key, checked.index]
      issues.push({
        code: 'invalid',
        path: [...path, ...where],
        message: field.expected,
        input: checked.input,
      })
    }
  }
  const unknown: string[] = []
  for (const key in input) if (!Object.hasOwn(spec.fields, key)) unknown.push(key)
  if (unknown.length > 0) issues.push({ code: 'unrecognized_keys', path, keys: unknown })
  if (issues.length > before) return output
  const problem = spec.check?.(output as GroupOutput<FieldTable>)
  if (problem !== undefined) {
    issues.push({
      code: 'invalid',
      path: [...path, ...problem.path],
      message: problem.message,
      input: problem.input,
    })
    return output
  }
  return spec.normalize ? spec.normalize(output as GroupOutput<FieldTable>) : output
}

interface IssueReport<TCode extends Issue['code']> {
  readonly input: unknown
  readonly context: ParseContext
  readonly issue: Extract<Issue, { code: TCode }>
}

/**
 * The error for an environment variable whose text is refused: it names the variable, the option it
 * sets and the text as found.
 *
 * @internal
 */
export function invalidEnvVar(report: {
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

function invalidOption({ input, context, issue }: IssueReport<'invalid'>): ConfigErrorInit {
  // An array element's problem is reported on the list option itself.
  const firstIndex = issue.path.findIndex((key) => typeof key !== 'string')
  const relative = (firstIndex === -1 ? issue.path : issue.path.slice(0, firstIndex)).map(String)
  const option = [...context.path, ...relative].join('.')
  // The caller's own value (before trimming); a cross-field check may concern a default instead.
  const given = valueAt(input, relative)
  const value = given === undefined ? issue.input : given
  const source = context.envSources?.get(option)
  if (source) return invalidEnvVar({ source, option, expected: issue.message })
  const subject = option === '' ? 'Invalid config' : `Invalid config option \`${option}\``
  // For a list, point at the refused entry; `value` stays the whole list.
  const got =
    firstIndex === -1
      ? formatValue(value)
      : `${formatValue(issue.input)} at index ${String(issue.path[firstIndex])}`
  return { option, value, message: `${subject}: ${issue.message}, got ${got}` }
}

function unknownOption(
  report: IssueReport<'unrecognized_keys'> & { readonly spec: GroupSpec },
): ConfigErrorInit {
  const { spec, input, context, issue } = report
  const parentPath = issue.path.map(String)
  const key = issue.keys[0] ?? ''
  const option = [...context.path, ...parentPath, key].join('.')
  const known = Object.keys(fieldsAt(spec, parentPath))
  const suggestion = closestName(key, known)
  const parent = [...context.path, ...parentPath].join('.')
  const hint = suggestion
    ? `did you mean \`${[...context.path, ...parentPath, suggestion].join('.')}\`?`
    : `the options ${parent === '' ? 'of the config' : `of \`${parent}\``} are ${known.join(', ')}`
  return {
    option,
    value: valueAt(input, [...parentPath, key]),
    message: `Unknown config option \`${option}\`: ${hint}`,
  }
}

/** Freezes a parsed value throughout; parsing built fresh objects, so no caller's input freezes. */
function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}

function fieldsAt(spec: GroupSpec, path: readonly string[]): FieldTable {
  let fields = spec.fields
  for (const key of path) {
    const child = fields[key]
    if (child?.kind !== 'group') return {}
    fields = child.fields
  }
  return fields
}

function valueAt(input: unknown, path: readonly string[]): unknown {
  let value = input
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

const MAX_SHOWN = 80

/**
 * Renders a refused value for an error message: strings quoted, numbers as written (`NaN`, `-3`),
 * objects as JSON, all cut to a readable length.
 *
 * @internal
 */
export function formatValue(value: unknown): string {
  const text = describe(value)
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text
}

function describe(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value)
    case 'bigint':
      return `${value}n`
    case 'function':
      return 'a function'
    case 'object':
      if (value === null) return 'null'
      try {
        return JSON.stringify(value) ?? Object.prototype.toString.call(value)
      } catch {
        return Object.prototype.toString.call(value)
      }
    default:
      return String(value)
  }
}
