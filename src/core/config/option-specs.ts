// One table per section describes every option once: how a value is checked (with the default),
// its doc line for the README and how an environment variable's text becomes a value. Checking the
// section (parse-group.ts), the `CONFIG_ENV_VARS` list and the "did you mean" suggestions all read
// these tables. The checks are plain functions rather than zod schemas, so a client bundle that
// validates its options carries no schema library code for it.

/**
 * The largest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days). Browsers and Node turn
 * anything larger into an immediate timer, so every duration that ends up as a timer is capped
 * here.
 */
export const MAX_TIMER_MS = 2_147_483_647

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
  /** One line for the README's environment table. */
  readonly description: string
  /** The default as the README shows it. */
  readonly defaultText: string
  /** What a valid value looks like, e.g. `expected an integer >= 1`. */
  readonly expected: string
  /** What an environment variable's text may be, if not {@link OptionSpec.expected}. */
  readonly envFormat?: string
}

/**
 * A problem a group's cross-field check found: the offending key (relative to the group), the
 * value it concerns and what was expected.
 *
 * @internal
 */
export interface GroupIssue {
  readonly path: readonly string[]
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

interface Described {
  /** One line for the README. */
  readonly description: string
}

function option<TValue, TOptional extends boolean>(
  spec: Omit<OptionSpec<TValue, TOptional>, 'kind'>,
): OptionSpec<TValue, TOptional> {
  return { kind: 'option', ...spec }
}

/** A check that keeps the value as given when `accepts` says so. */
function accepting<TValue>(
  accepts: (value: unknown) => boolean,
): (value: unknown) => Checked<TValue> {
  return (value) =>
    accepts(value) ? { ok: true, value: value as TValue } : { ok: false, input: value }
}

const isIntegerIn = (min: number, max: number) => (value: unknown) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max

/**
 * An integer count or size.
 *
 * @internal
 */
export function integerOption(
  init: Described & { readonly min: number; readonly default: number },
): OptionSpec<number, false> {
  return option({
    optional: false,
    defaultValue: init.default,
    check: accepting(isIntegerIn(init.min, Number.MAX_SAFE_INTEGER)),
    env: 'integer',
    description: init.description,
    defaultText: String(init.default),
    expected: `expected an integer >= ${init.min}`,
  })
}

/**
 * A duration in whole milliseconds. `timer: true` caps it at {@link MAX_TIMER_MS} because it
 * becomes a `setTimeout` delay; ages and TTLs compared against timestamps are only capped at the
 * safe integers.
 *
 * @internal
 */
export function durationOption(
  init: Described & { readonly min: 0 | 1; readonly default: number; readonly timer: boolean },
): OptionSpec<number, false> {
  const max = init.timer ? MAX_TIMER_MS : Number.MAX_SAFE_INTEGER
  return option({
    optional: false,
    defaultValue: init.default,
    check: accepting(isIntegerIn(init.min, max)),
    env: 'integer',
    description: init.description,
    defaultText: String(init.default),
    expected: init.timer
      ? `expected an integer between ${init.min} and ${MAX_TIMER_MS} (milliseconds)`
      : `expected an integer >= ${init.min} (milliseconds)`,
  })
}

/**
 * A finite number, fractions allowed.
 *
 * @internal
 */
export function numberOption(
  init: Described & { readonly min: number; readonly max: number; readonly default: number },
): OptionSpec<number, false> {
  const { min, max } = init
  return option({
    optional: false,
    defaultValue: init.default,
    check: accepting(
      (value) => Number.isFinite(value) && (value as number) >= min && (value as number) <= max,
    ),
    env: 'number',
    description: init.description,
    defaultText: String(init.default),
    expected: `expected a finite number between ${min} and ${max}`,
  })
}

/**
 * A boolean switch.
 *
 * @internal
 */
export function booleanOption(
  init: Described & { readonly default: boolean },
): OptionSpec<boolean, false> {
  return option({
    optional: false,
    defaultValue: init.default,
    check: accepting((value) => typeof value === 'boolean'),
    env: 'boolean',
    description: init.description,
    defaultText: String(init.default),
    expected: 'expected true or false',
    envFormat: 'true, false, 1 or 0',
  })
}

/**
 * A non-empty string; surrounding white space is trimmed.
 *
 * @internal
 */
export function textOption(
  init: Described & { readonly default: string },
): OptionSpec<string, false> {
  return option({
    optional: false,
    defaultValue: init.default,
    check: (value) => {
      const text = typeof value === 'string' ? value.trim() : ''
      return text === '' ? { ok: false, input: value } : { ok: true, value: text }
    },
    env: 'string',
    description: init.description,
    defaultText: init.default,
    expected: 'expected a non-empty string',
  })
}

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ')

/**
 * One of a fixed set of strings, with a default. Pass the values `as const` to keep their literal
 * types.
 *
 * @internal
 */
export function choiceOption<TValues extends readonly string[]>(
  init: Described & { readonly values: TValues; readonly default: TValues[number] },
): OptionSpec<TValues[number], false> {
  return option({
    optional: false,
    defaultValue: init.default,
    check: accepting((value) => init.values.includes(value as string)),
    env: 'choice',
    description: init.description,
    defaultText: init.default,
    expected: `expected one of ${quoted(init.values)}`,
  })
}

/**
 * One of a fixed set of strings, or unset.
 *
 * @internal
 */
export function optionalChoiceOption<TValues extends readonly string[]>(
  init: Described & { readonly values: TValues; readonly unsetText: string },
): OptionSpec<TValues[number], true> {
  return option<TValues[number], true>({
    optional: true,
    defaultValue: undefined,
    check: accepting((value) => init.values.includes(value as string)),
    env: 'choice',
    description: init.description,
    defaultText: init.unsetText,
    expected: `expected one of ${quoted(init.values)}`,
  })
}

/**
 * A list of strings, each checked by `isItem`, or unset. `items` describes the entries in the
 * plural, e.g. `host names`. A refused entry is reported with its index.
 *
 * @internal
 */
export function optionalListOption(
  init: Described & {
    readonly isItem: (item: string) => boolean
    readonly nonEmpty: boolean
    readonly items: string
    readonly unsetText: string
  },
): OptionSpec<string[], true> {
  return option({
    optional: true,
    defaultValue: undefined,
    check: (value): Checked<string[]> => {
      if (!Array.isArray(value)) return { ok: false, input: value }
      const index = value.findIndex((item) => typeof item !== 'string' || !init.isItem(item))
      if (index >= 0) return { ok: false, input: value[index], index }
      if (init.nonEmpty && value.length === 0) return { ok: false, input: value }
      return { ok: true, value: [...value] }
    },
    env: 'list',
    description: init.description,
    defaultText: init.unsetText,
    expected: `expected ${init.nonEmpty ? 'a non-empty list' : 'a list'} of ${init.items}`,
    envFormat: `comma-separated ${init.items}`,
  })
}
