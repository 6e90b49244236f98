/**
 * Leaf schemas: strings, numbers, integers, booleans, literals, enums, anything, and custom
 * predicates.
 *
 * @internal
 */
import { refine } from './checks.ts'
import { type Issue, typeIssue } from './issue.ts'
import { type Check, Schema } from './schema.ts'

class StringSchema extends Schema<string> {
  protected parseType(value: unknown): readonly Issue[] | undefined {
    return typeof value === 'string' ? undefined : [typeIssue('string', value)]
  }
}

/** A finite number (`NaN` and `±Infinity` fail, as JSON cannot carry them). */
class NumberSchema extends Schema<number> {
  protected parseType(value: unknown): readonly Issue[] | undefined {
    return typeof value === 'number' && Number.isFinite(value)
      ? undefined
      : [typeIssue('number', value)]
  }
}

class BooleanSchema extends Schema<boolean> {
  protected parseType(value: unknown): readonly Issue[] | undefined {
    return typeof value === 'boolean' ? undefined : [typeIssue('boolean', value)]
  }
}

class UnknownSchema extends Schema {
  protected parseType(): undefined {
    return undefined
  }
}

class ValueSchema<T> extends Schema<T> {
  readonly accepted: ReadonlySet<unknown>
  /** The values accepted, in order (discriminated unions read them). */
  readonly values: readonly unknown[]

  constructor(values: readonly unknown[]) {
    super()
    this.values = values
    this.accepted = new Set(values)
  }

  protected parseType(value: unknown): readonly Issue[] | undefined {
    return this.accepted.has(value)
      ? undefined
      : [{ code: 'invalid_value', values: this.values, input: value, path: [] }]
  }
}

/** Integers stop at the type (`expected int`); beyond the safe range they are out of bounds. */
const safeInteger: Check = (value) => {
  if (!Number.isInteger(value)) return { ...typeIssue('int', value), continue: false }
  if (Number.isSafeInteger(value)) return undefined
  const big = (value as number) > 0
  return {
    code: big ? 'too_big' : 'too_small',
    origin: 'int',
    [big ? 'maximum' : 'minimum']: big ? Number.MAX_SAFE_INTEGER : Number.MIN_SAFE_INTEGER,
    inclusive: true,
    input: value,
    path: [],
    continue: true,
  }
}

/** Any string. */
export const string = (): Schema<string> => new StringSchema()

/** Any finite number. */
export const number = (): Schema<number> => new NumberSchema()

/** A safe integer. */
export const int = (): Schema<number> => new NumberSchema().check(safeInteger)

/** `true` or `false`. */
export const boolean = (): Schema<boolean> => new BooleanSchema()

/** Anything, `undefined` included. */
export const unknown = (): Schema => new UnknownSchema()

/** Exactly `value`. */
export const literal = <const T extends string | number | boolean | null>(
  value: T,
): ValueSchema<T> => new ValueSchema<T>([value])

/** One of `values`. */
export const enumOf = <const T extends string>(values: readonly T[]): ValueSchema<T> =>
  new ValueSchema<T>(values)

/** Whatever `test` accepts; a failure reads `message`. */
export function custom<T>(
  test: (value: unknown) => boolean,
  params: { readonly message: string },
): Schema<T> {
  return (new UnknownSchema() as Schema<T>).check(refine(test, params))
}

export type { ValueSchema }
