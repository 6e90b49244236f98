import * as z from 'zod/mini'

// One table per section describes every option once: its zod schema (with the default), its doc
// line for the README and how an environment variable's text becomes a value. The section schemas,
// the `CONFIG_ENV_VARS` list and the "did you mean" suggestions are all derived from these tables.

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
 * One leaf option.
 *
 * @internal
 */
export interface OptionSpec<TField extends z.ZodMiniType = z.ZodMiniType> {
  readonly kind: 'option'
  /** The property schema, default or optionality included. */
  readonly field: TField
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
 * A nested object of options (a section, or a group such as `client.reconnect`).
 *
 * @internal
 */
export interface GroupSpec<
  TFields extends FieldTable = FieldTable,
  TSchema extends z.ZodMiniType = z.ZodMiniType,
  TField extends z.ZodMiniType = z.ZodMiniType,
> {
  readonly kind: 'group'
  readonly fields: TFields
  /** The strict object schema, cross-field checks included. */
  readonly schema: TSchema
  /** The same schema as a property: an absent group resolves to its defaults. */
  readonly field: TField
}

/**
 * The options of one object, by key.
 *
 * @internal
 */
export type FieldTable = { readonly [key: string]: OptionSpec | GroupSpec }

type Shape<TFields extends FieldTable> = {
  -readonly [TKey in keyof TFields]: TFields[TKey]['field']
}

/**
 * The strict object schema built from a field table.
 *
 * @internal
 */
export type GroupSchema<TFields extends FieldTable> = z.ZodMiniObject<
  Shape<TFields>,
  z.core.$strict
>

/**
 * Adds cross-field checks to a group. Report a problem with `ctx.addIssue` on the offending key.
 *
 * @internal
 */
export type GroupCheck<TFields extends FieldTable> = (
  value: z.output<GroupSchema<TFields>>,
  ctx: z.core.$RefinementCtx<z.output<GroupSchema<TFields>>>,
) => void

const expectObject = 'expected an object'

/**
 * Builds a group from its fields. `check` adds cross-field validation; `normalize` rewrites a valid
 * value without changing its type (used for documented clamping).
 *
 * @internal
 */
export function group<TFields extends FieldTable>(
  fields: TFields,
  extras: {
    check?: GroupCheck<TFields>
    normalize?: (value: z.output<GroupSchema<TFields>>) => z.output<GroupSchema<TFields>>
  } = {},
): GroupSpec<TFields, GroupSchema<TFields>, z.ZodMiniPrefault<GroupSchema<TFields>>> {
  const shape = Object.fromEntries(
    Object.entries(fields).map(([key, spec]) => [key, spec.field]),
  ) as Shape<TFields>
  let schema = z.strictObject(shape, { error: expectObject })
  if (extras.check) schema = schema.check(z.superRefine(extras.check))
  if (extras.normalize) schema = schema.check(z.overwrite(extras.normalize))
  const empty = {} as z.input<GroupSchema<TFields>>
  return { kind: 'group', fields, schema, field: z.prefault(schema, empty) }
}

interface Described {
  /** One line for the README. */
  readonly description: string
}

function option<TField extends z.ZodMiniType>(
  field: TField,
  meta: Omit<OptionSpec, 'kind' | 'field'>,
): OptionSpec<TField> {
  return { kind: 'option', field, ...meta }
}

function integerSchema(
  range: { min: number; max: number },
  expected: string,
): z.ZodMiniNumber<number> {
  return z
    .number({ error: expected })
    .check(
      z.int({ error: expected }),
      z.gte(range.min, { error: expected }),
      z.lte(range.max, { error: expected }),
    )
}

/**
 * An integer count or size.
 *
 * @internal
 */
export function integerOption(
  init: Described & { readonly min: number; readonly default: number },
): OptionSpec<z.ZodMiniDefault<z.ZodMiniNumber<number>>> {
  const expected = `expected an integer >= ${init.min}`
  const field = integerSchema({ min: init.min, max: Number.MAX_SAFE_INTEGER }, expected)
  return option(z._default(field, init.default), {
    env: 'integer',
    description: init.description,
    defaultText: String(init.default),
    expected,
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
): OptionSpec<z.ZodMiniDefault<z.ZodMiniNumber<number>>> {
  const max = init.timer ? MAX_TIMER_MS : Number.MAX_SAFE_INTEGER
  const expected = init.timer
    ? `expected an integer between ${init.min} and ${MAX_TIMER_MS} (milliseconds)`
    : `expected an integer >= ${init.min} (milliseconds)`
  return option(z._default(integerSchema({ min: init.min, max }, expected), init.default), {
    env: 'integer',
    description: init.description,
    defaultText: String(init.default),
    expected,
  })
}

/**
 * A finite number, fractions allowed.
 *
 * @internal
 */
export function numberOption(
  init: Described & { readonly min: number; readonly max: number; readonly default: number },
): OptionSpec<z.ZodMiniDefault<z.ZodMiniNumber<number>>> {
  const expected = `expected a finite number between ${init.min} and ${init.max}`
  const field = z
    .number({ error: expected })
    .check(z.gte(init.min, { error: expected }), z.lte(init.max, { error: expected }))
  return option(z._default(field, init.default), {
    env: 'number',
    description: init.description,
    defaultText: String(init.default),
    expected,
  })
}

/**
 * A boolean switch.
 *
 * @internal
 */
export function booleanOption(
  init: Described & { readonly default: boolean },
): OptionSpec<z.ZodMiniDefault<z.ZodMiniBoolean<boolean>>> {
  const expected = 'expected true or false'
  return option(z._default(z.boolean({ error: expected }), init.default), {
    env: 'boolean',
    description: init.description,
    defaultText: String(init.default),
    expected,
    envFormat: 'true, false, 1 or 0',
  })
}

/**
 * A non-empty string.
 *
 * @internal
 */
export function textOption(
  init: Described & { readonly default: string },
): OptionSpec<z.ZodMiniDefault<z.ZodMiniString<string>>> {
  const expected = 'expected a non-empty string'
  const field = z.string({ error: expected }).check(z.trim(), z.minLength(1, { error: expected }))
  return option(z._default(field, init.default), {
    env: 'string',
    description: init.description,
    defaultText: init.default,
    expected,
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
): OptionSpec<z.ZodMiniDefault<z.ZodMiniEnum<z.core.util.ToEnum<TValues[number]>>>> {
  const expected = `expected one of ${quoted(init.values)}`
  return option(z._default(z.enum(init.values, { error: expected }), init.default), {
    env: 'choice',
    description: init.description,
    defaultText: init.default,
    expected,
  })
}

/**
 * One of a fixed set of strings, or unset.
 *
 * @internal
 */
export function optionalChoiceOption<TValues extends readonly string[]>(
  init: Described & { readonly values: TValues; readonly unsetText: string },
): OptionSpec<z.ZodMiniOptional<z.ZodMiniEnum<z.core.util.ToEnum<TValues[number]>>>> {
  const expected = `expected one of ${quoted(init.values)}`
  return option(z.optional(z.enum(init.values, { error: expected })), {
    env: 'choice',
    description: init.description,
    defaultText: init.unsetText,
    expected,
  })
}

/**
 * A list of strings, each checked by `isItem`, or unset. `items` describes the entries in the
 * plural, e.g. `host names`.
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
): OptionSpec<z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniString<string>>>> {
  const expected = `expected ${init.nonEmpty ? 'a non-empty list' : 'a list'} of ${init.items}`
  const item = z.string({ error: expected }).check(z.refine(init.isItem, { error: expected }))
  const list = z
    .array(item, { error: expected })
    .check(z.minLength(init.nonEmpty ? 1 : 0, { error: expected }))
  return option(z.optional(list), {
    env: 'list',
    description: init.description,
    defaultText: init.unsetText,
    expected,
    envFormat: `comma-separated ${init.items}`,
  })
}
