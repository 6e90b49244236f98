/**
 * Leaf schemas: strings, numbers, integers, booleans, literals, enums, anything, and custom
 * predicates.
 *
 * @internal
 */
import { outOfBounds, refine } from './checks.ts'
import { type Issue, typeIssue } from './issue.ts'
import { type Check, Schema } from './schema.ts'

/**
 * A string, a boolean or a finite number (`NaN` and `±Infinity` fail, as JSON cannot carry them),
 * told by `typeof`.
 */
class TypeSchema<T> extends Schema<T> {
  readonly type: 'string' | 'number' | 'boolean'
  constructor(type: 'string' | 'number' | 'boolean') {
    super()
    this.type = type
  }
  protected parseType(value: unknown): readonly Issue[] | undefined {
    return typeof value === this.type && (this.type !== 'number' || Number.isFinite(value))
      ? undefined
      : [typeIssue(this.type, value)]
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
  const bound =
    (value as number) > 0
      ? { maximum: Number.MAX_SAFE_INTEGER }
      : { minimum: Number.MIN_SAFE_INTEGER }
  return outOfBounds(bound, 'int', value)
}

/** Any string. */
export const string = (): Schema<string> => new TypeSchema('string')

/** Any finite number. */
export const number = (): Schema<number> => new TypeSchema('number')

/** A safe integer. */
export const int = (): Schema<number> => number().check(safeInteger)

/** `true` or `false`. */
export const boolean = (): Schema<boolean> => new TypeSchema('boolean')

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
