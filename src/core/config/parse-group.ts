import { ConfigError, type ConfigErrorInit } from '../errors/index.ts'
import { closestName } from './closest-name.ts'
import { formatValue } from './format-value.ts'
import type { FieldTable, GroupOutput, GroupSpec } from './option-specs.ts'

/**
 * A refused value, as {@link ParseContext.explainInvalid} sees it.
 *
 * @internal
 */
export interface InvalidValue {
  /** The option's dotted path, e.g. `server.maxClients`. */
  readonly option: string
  /** What a valid value looks like, e.g. `expected an integer >= 1`. */
  readonly expected: string
}

/**
 * Where the group being parsed sits, and how its errors are worded.
 *
 * @internal
 */
export interface ParseContext {
  /** The group's own path, e.g. `['server']`; `[]` for the whole config. */
  readonly path: readonly string[]
  /**
   * The error for a refused value when it should not be the usual "Invalid config option" one, or
   * `undefined` for the usual one. The environment layer names the variable that set the value this
   * way, so this module knows nothing about environment variables.
   */
  readonly explainInvalid?: (invalid: InvalidValue) => ConfigErrorInit | undefined
}

/**
 * Validates `input` against a group and applies its defaults, or throws a {@link ConfigError} for
 * the first problem. The result is deeply frozen. Unknown keys are looked for first, anywhere in
 * the input: a misspelt option is the likeliest cause of a surprising configuration, so it is
 * reported even when another value is refused too.
 *
 * @internal
 */
export function parseGroup<TFields extends FieldTable>(
  spec: GroupSpec<TFields>,
  input: unknown,
  context: ParseContext,
): GroupOutput<TFields> {
  const unknown = findUnknownKey(spec, input, context.path)
  if (unknown !== undefined) throw new ConfigError(unknownOption(unknown))
  const value = resolveGroup(spec, input, { path: context.path, context })
  return deepFreeze(value) as GroupOutput<TFields>
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A key that the group at `group` does not have, beside the `known` ones. */
interface UnknownKey {
  readonly group: readonly string[]
  readonly key: string
  readonly known: readonly string[]
  /** The caller's value for the key. */
  readonly value: unknown
}

/**
 * The first unknown key, searching nested groups (in field order) before the group's own keys.
 * Values that are not objects are left for {@link resolveGroup} to refuse.
 */
function findUnknownKey(
  spec: GroupSpec,
  input: unknown,
  path: readonly string[],
): UnknownKey | undefined {
  if (!isObject(input)) return undefined
  for (const [key, field] of Object.entries(spec.fields)) {
    const found = field.kind === 'group' && findUnknownKey(field, input[key], [...path, key])
    if (found) return found
  }
  for (const key in input) {
    if (!Object.hasOwn(spec.fields, key)) {
      return { group: path, key, known: Object.keys(spec.fields), value: input[key] }
    }
  }
  return undefined
}

function unknownOption({ group, key, known, value }: UnknownKey): ConfigErrorInit {
  const option = [...group, key].join('.')
  const suggestion = closestName(key, known)
  const parent = group.join('.')
  const hint = suggestion
    ? `did you mean \`${[...group, suggestion].join('.')}\`?`
    : `the options ${parent === '' ? 'of the config' : `of \`${parent}\``} are ${known.join(', ')}`
  return { option, value, message: `Unknown config option \`${option}\`: ${hint}` }
}

/** Where {@link resolveGroup} is: the group's full path and the parse's context. */
interface Position {
  readonly path: readonly string[]
  readonly context: ParseContext
}

/**
 * Checks one group and applies its defaults, throwing for the first refused value in field order
 * (nested groups' included). The cross-field check and the normalization run once every option of
 * the group is valid.
 */
function resolveGroup(spec: GroupSpec, input: unknown, at: Position): Record<string, unknown> {
  if (!isObject(input)) throw invalidValue(at, { expected: 'expected an object', value: input })
  const output: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(spec.fields)) {
    const given = input[key]
    const here = { ...at, path: [...at.path, key] }
    if (field.kind === 'group') {
      output[key] = resolveGroup(field, given === undefined ? {} : given, here)
    } else if (given === undefined) {
      if (!field.optional) output[key] = field.defaultValue
      else if (key in input) output[key] = undefined
    } else {
      const checked = field.check(given)
      if (checked.ok) output[key] = checked.value
      else throw invalidValue(here, { expected: field.expected, value: given, refused: checked })
    }
  }
  const problem = spec.check?.(output as GroupOutput<FieldTable>)
  if (problem !== undefined) {
    // The caller's own value, unless the problem concerns a default the caller left out.
    const given = input[problem.key]
    const value = given === undefined ? problem.input : given
    throw invalidValue(
      { ...at, path: [...at.path, problem.key] },
      { expected: problem.message, value },
    )
  }
  return spec.normalize ? spec.normalize(output as GroupOutput<FieldTable>) : output
}

/** A refused value: what was expected, and the caller's own value (untrimmed, the whole list). */
interface Refusal {
  readonly expected: string
  readonly value: unknown
  /** The check's verdict; an `index` in it names the refused entry of a list. */
  readonly refused?: { readonly input: unknown; readonly index?: number }
}

function invalidValue(at: Position, { expected, value, refused }: Refusal): ConfigError {
  const option = at.path.join('.')
  const explained = at.context.explainInvalid?.({ option, expected })
  if (explained) return new ConfigError(explained)
  const subject = option === '' ? 'Invalid config' : `Invalid config option \`${option}\``
  // For a list, point at the refused entry; `value` stays the whole list.
  const index = refused?.index
  const got =
    index === undefined ? formatValue(value) : `${formatValue(refused?.input)} at index ${index}`
  return new ConfigError({ option, value, message: `${subject}: ${expected}, got ${got}` })
}

/** Freezes a parsed value throughout; parsing built fresh objects, so no caller's input freezes. */
function deepFreeze<TValue>(value: TValue): TValue {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child)
    Object.freeze(value)
  }
  return value
}
