/**
 * Unions, tried in order, and discriminated unions, chosen by a literal member. A failed union
 * reports every branch (`invalid_union`), unless exactly one branch failed without losing its type
 * (a bound or a refinement), which is then reported as it is: the same choice zod makes.
 *
 * @internal
 */

import { isObject, type ObjectSchema } from './composites.ts'
import { aborted, type Issue, typeIssue } from './issue.ts'
import { Schema } from './schema.ts'

class UnionSchema<T> extends Schema<T> {
  readonly options: readonly Schema[]
  constructor(options: readonly Schema[]) {
    super()
    this.options = options
    this.optional = options.some((option) => option.optional)
  }
  protected parseType(value: unknown): readonly Issue[] | undefined {
    const { options } = this
    if (options.length === 1) return (options[0] as Schema).run(value)
    const failures: (readonly Issue[])[] = []
    for (const option of options) {
      const issues = option.run(value)
      if (issues === undefined) return undefined
      failures.push(issues)
    }
    const intact = failures.filter((issues) => !aborted(issues))
    if (intact.length === 1) return intact[0]
    return [{ code: 'invalid_union', errors: failures, input: value, path: [] }]
  }
}

class DiscriminatedUnionSchema<T> extends Schema<T> {
  readonly key: string
  readonly byValue = new Map<unknown, ObjectSchema>()
  constructor(key: string, options: readonly ObjectSchema[]) {
    super()
    this.key = key
    for (const [index, option] of options.entries()) {
      const values = (option.shape[key] as { values?: readonly unknown[] } | undefined)?.values
      if (values === undefined) {
        throw new Error(`Discriminated union option ${index} has no literal "${key}"`)
      }
      for (const value of values) if (!this.byValue.has(value)) this.byValue.set(value, option)
    }
    this.optional = options.some((option) => option.optional)
  }
  protected parseType(value: unknown): readonly Issue[] | undefined {
    if (!isObject(value)) return [typeIssue('object', value)]
    const option = this.byValue.get(value[this.key])
    if (option !== undefined) return option.run(value)
    return [
      {
        code: 'invalid_union',
        errors: [],
        options: [...this.byValue.keys()],
        input: value,
        path: [this.key],
      },
    ]
  }
}

/** The first of `options` that accepts the value. */
export const union = <T = unknown>(options: readonly Schema[]): Schema<T> =>
  new UnionSchema<T>(options)

/** The option whose literal `key` member matches the value's. */
export const discriminatedUnion = <T = unknown>(
  key: string,
  options: readonly ObjectSchema[],
): Schema<T> => new DiscriminatedUnionSchema<T>(key, options)
