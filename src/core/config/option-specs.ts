// One table per section describes every option once: how a value is checked (with the default) and
// how an environment variable's text becomes a value. Checking the section (parse-group.ts), the
// `CONFIG_ENV_VARS` list and the "did you mean" suggestions all read these tables. The checks are
// plain functions rather than zod schemas, so a client bundle that validates its options carries no
// schema library code for it. The README text of each option (its description, and what leaving an
// optional one unset means) lives in option-docs.ts instead: only the env-var table reads it, and
// kept here it would ship in every browser bundle that merely validates a client config.

import { MAX_TIMER_MS } from '../protocol/limits.ts'

// One constant for every timer cap (config durations, engine timeouts, reconnection delays).
export { MAX_TIMER_MS }

/**
 * How an environment variable's text is read for an option.
 *
 * @internal
 */
export type EnvFormat = 'integer' | 'number' | 'boolean' | 'string' | 'list' | 'choice'

/**
 * A checked value, or where it was refused: `index` names a refused list entry (and `input` is
 * that entry); otherwise `input` is the whole value.
 *
 * @internal
 */
export type Checked<TValue> =
  | { readonly ok: true; readonly value: TValue }
  | { readonly ok: false; readonly input: unknown; readonly index?: number }

/**
 * One leaf option. `TOptional` says whether it may stay unset (no default).
 *
 * @internal
 */
export interface OptionSpec<TValue = unknown, TOptional extends boolean = boolean> {
  readonly kind: 'option'
  /** `true`: an absent value stays unset; `false`: it becomes {@link OptionSpec.defaultValue}. */
  readonly optional: TOptional
  readonly defaultValue: TValue | undefined
  /** Checks a given value (never `undefined`) and returns what the config holds. */
  readonly check: (value: unknown) => Checked<TValue>
  readonly env: EnvFormat
  /** What a valid value looks like, e.g. `expected an integer >= 1`. */
  readonly expected: string
  /**
   * What an environment variable's text may be, when that differs from {@link OptionSpec.expected}
   * by more than its leading `expected ` (lists, which are comma-separated in the environment).
   */
  readonly envFormat?: string
}

/**
 * A problem a group's cross-field check found: the offending key of the group, the value it
 * concerns and what was expected.
 *
 * @internal
 */
export interface GroupIssue {
  readonly key: string
  readonly input: unknown
  readonly message: string
}

/**
 * A nested object of options (a section, or a group such as `client.reconnect`). Unknown keys are
 * refused; an absent group resolves to its defaults.
 *
 * @internal
 */
export interface GroupSpec<TFields extends FieldTable = FieldTable> {
  readonly kind: 'group'
  readonly fields: TFields
  /** Cross-field validation of a value whose every option is valid. */
  check?(value: GroupOutput<TFields>): GroupIssue | undefined
  /** Rewrites a valid value without changing its type (used for documented clamping). */
  normalize?(value: GroupOutput<TFields>): GroupOutput<TFields>
}

/**
 * The options of one object, by key.
 *
 * @internal
 */
export type FieldTable = {
  // biome-ignore lint/suspicious/noExplicitAny: any option type; inference starts from here
  readonly [key: string]: OptionSpec<any> | GroupSpec<any>
}

type Flatten<TObject> = { [TKey in keyof TObject]: TObject[TKey] }

type OptionalKeys<TFields extends FieldTable> = {
  [TKey in keyof TFields]: TFields[TKey] extends OptionSpec<unknown, true> ? TKey : never
}[keyof TFields]

/**
 * What a group resolves to: every option with a default is set, optional ones may be absent.
 *
 * @internal
 */
export type GroupOutput<TFields extends FieldTable> = Flatten<
  {
    -readonly [TKey in Exclude<keyof TFields, OptionalKeys<TFields>>]: OutputOf<TFields[TKey]>
  } & {
    -readonly [TKey in OptionalKeys<TFields>]?: OutputOf<TFields[TKey]>
  }
>

/**
 * The resolved type of an option or group.
 *
 * @internal
 */
export type OutputOf<TSpec> =
  TSpec extends GroupSpec<infer TFields>
    ? GroupOutput<TFields>
    : TSpec extends OptionSpec<infer TValue, infer TOptional>
      ? TOptional extends true
        ? TValue | undefined
        : TValue
      : never

/**
 * What an option or group accepts: everything may be left out.
 *
 * @internal
 */
export type InputOf<TSpec> =
  TSpec extends GroupSpec<infer TFields>
    ? { -readonly [TKey in keyof TFields]?: InputOf<TFields[TKey]> | undefined }
    : TSpec extends OptionSpec<infer TValue>
      ? TValue
      : never

/**
 * Builds a group from its fields. `check` adds cross-field validation; `normalize` rewrites a valid
 * value without changing its type (used for documented clamping).
 *
 * @internal
 */
export function group<TFields extends FieldTable>(
  fields: TFields,
  extras: Pick<GroupSpec<TFields>, 'check' | 'normalize'> = {},
): GroupSpec<TFields> {
  return { kind: 'group', fields, ...extras }
}

/**
 * A cross-field check: the number at `key` may not be below the one at `floor`. `floorOption` is
 * the floor's dotted path, which the message names (e.g. `client.requestTimeoutMs`).
 *
 * @internal
 */
export function notBelow<TKey extends string, TFloor extends string>(
  key: TKey,
  floor: TFloor,
  floorOption: string,
): (value: Readonly<Record<TKey | TFloor, number>>) => GroupIssue | undefined {
  return (value) =>
    value[key] < value[floor]
      ? {
          key,
          input: value[key],
          message: `expected a value >= \`${floorOption}\` (${value[floor]})`,
        }
      : undefined
}

/** How an option's given values are checked and read from the environment. */
type Rule<TValue> = Pick<OptionSpec<TValue>, 'check' | 'env' | 'expected' | 'envFormat'>

/** An option that takes `defaultValue` when left out. */
function withDefault<TValue>(defaultValue: TValue, rule: Rule<TValue>): OptionSpec<TValue, false> {
  return { kind: 'option', optional: false, defaultValue, ...rule }
}

/** An option that stays unset when left out. */
function withoutDefault<TValue>(rule: Rule<TValue>): OptionSpec<TValue, true> {
  return { kind: 'option', optional: true, defaultValue: undefined, ...rule }
}

/** A check that keeps the value as given when `accepts` says so. */
function accepting<TValue>(
  accepts: (value: unknown) => boolean,
): (value: unknown) => Checked<TValue> {
  return (value) =>
    accepts(value) ? { ok: true, value: value as TValue } : { ok: false, input: value }
}

/**
 * Integers from `min` to `max`; `unit` ends the description, e.g. ` (milliseconds)`. A `max` of
 * `Number.MAX_SAFE_INTEGER` is no real cap, so the description leaves it out.
 */
function integerRule(
  range: { readonly min: number; readonly max: number },
  unit: string,
): Rule<number> {
  const { min, max } = range
  return {
    check: accepting<number>(
      (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max,
    ),
    env: 'integer',
    expected:
      max === Number.MAX_SAFE_INTEGER
        ? `expected an integer >= ${min}${unit}`
        : `expected an integer between ${min} and ${max}${unit}`,
  }
}

/**
 * An integer count or size.
 *
 * @internal
 */
export function integerOption(init: {
  readonly min: number
  readonly default: number
}): OptionSpec<number, false> {
  return withDefault(init.default, integerRule({ min: init.min, max: Number.MAX_SAFE_INTEGER }, ''))
}

/**
 * A duration in whole milliseconds. `timer: true` caps it at {@link MAX_TIMER_MS} because it
 * becomes a `setTimeout` delay; ages and TTLs compared against timestamps are only capped at the
 * safe integers.
 *
 * @internal
 */
export function durationOption(init: {
  readonly min: 0 | 1
  readonly default: number
  readonly timer: boolean
}): OptionSpec<number, false> {
  const max = init.timer ? MAX_TIMER_MS : Number.MAX_SAFE_INTEGER
  return withDefault(init.default, integerRule({ min: init.min, max }, ' (milliseconds)'))
}

/**
 * A finite number, fractions allowed.
 *
 * @internal
 */
export function numberOption(init: {
  readonly min: number
  readonly max: number
  readonly default: number
}): OptionSpec<number, false> {
  const { min, max } = init
  return withDefault(init.default, {
    check: accepting(
      (value) => Number.isFinite(value) && (value as number) >= min && (value as number) <= max,
    ),
    env: 'number',
    expected: `expected a finite number between ${min} and ${max}`,
  })
}

/**
 * A boolean switch.
 *
 * @internal
 */
export function booleanOption(init: { readonly default: boolean }): OptionSpec<boolean, false> {
  return withDefault(init.default, {
    check: accepting((value) => typeof value === 'boolean'),
    env: 'boolean',
    expected: 'expected true or false',
  })
}

/**
 * A non-empty string; surrounding white space is trimmed.
 *
 * @internal
 */
export function textOption(init: { readonly default: string }): OptionSpec<string, false> {
  return withDefault(init.default, {
    check: (value) => {
      const text = typeof value === 'string' ? value.trim() : ''
      return text === '' ? { ok: false, input: value } : { ok: true, value: text }
    },
    env: 'string',
    expected: 'expected a non-empty string',
  })
}

/** Any of `values`, refusing everything else. */
function choiceRule<TValues extends readonly string[]>(values: TValues): Rule<TValues[number]> {
  return {
    check: accepting((value) => values.includes(value as string)),
    env: 'choice',
    expected: `expected one of ${values.map((v) => `"${v}"`).join(', ')}`,
  }
}

/**
 * One of a fixed set of strings, with a default. Pass the values `as const` to keep their literal
 * types.
 *
 * @internal
 */
export function choiceOption<TValues extends readonly string[]>(init: {
  readonly values: TValues
  readonly default: TValues[number]
}): OptionSpec<TValues[number], false> {
  return withDefault(init.default, choiceRule(init.values))
}

/**
 * One of a fixed set of strings, or unset.
 *
 * @internal
 */
export function optionalChoiceOption<TValues extends readonly string[]>(init: {
  readonly values: TValues
}): OptionSpec<TValues[number], true> {
  return withoutDefault(choiceRule(init.values))
}

/**
 * A list of strings, each checked by `isItem`, or unset. `items` describes the entries in the
 * plural, e.g. `host names`. A refused entry is reported with its index.
 *
 * @internal
 */
export function optionalListOption(init: {
  readonly isItem: (item: string) => boolean
  readonly nonEmpty: boolean
  readonly items: string
}): OptionSpec<string[], true> {
  return withoutDefault({
    check: (value): Checked<string[]> => {
      if (!Array.isArray(value)) return { ok: false, input: value }
      const index = value.findIndex((item) => typeof item !== 'string' || !init.isItem(item))
      if (index >= 0) return { ok: false, input: value[index], index }
      if (init.nonEmpty && value.length === 0) return { ok: false, input: value }
      return { ok: true, value: [...value] }
    },
    env: 'list',
    expected: `expected ${init.nonEmpty ? 'a non-empty list' : 'a list'} of ${init.items}`,
    envFormat: `comma-separated ${init.items}`,
  })
}
