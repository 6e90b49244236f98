/**
 * Checks added to a schema with `.check(…)`: bounds and refinements. None of them stops later
 * checks (they leave the value's type intact), as in zod.
 *
 * @internal
 */
import type { Issue } from './issue.ts'
import type { Check } from './schema.ts'

/** `value >= minimum`. */
export function gte(minimum: number): Check {
  return (value) =>
    (value as number) >= minimum
      ? undefined
      : {
          code: 'too_small',
          origin: 'number',
          minimum,
          inclusive: true,
          input: value,
          path: [],
          continue: true,
        }
}

/** `value <= maximum`. */
export function lte(maximum: number): Check {
  return (value) =>
    (value as number) <= maximum
      ? undefined
      : {
          code: 'too_big',
          origin: 'number',
          maximum,
          inclusive: true,
          input: value,
          path: [],
          continue: true,
        }
}

/** A check that bounds a length; an array schema tests it before walking its items. */
export type LengthCheck = Check & { readonly maxLength: number }

/** An array or string of at most `maximum` items. */
export function maxLength(maximum: number): LengthCheck {
  const check: Check = (value) =>
    (value as { length: number }).length <= maximum
      ? undefined
      : {
          code: 'too_big',
          origin: Array.isArray(value) ? 'array' : 'string',
          maximum,
          inclusive: true,
          input: value,
          path: [],
          continue: true,
        }
  return Object.assign(check, { maxLength: maximum })
}

/** A rule the value must satisfy, reported with `message`. */
// biome-ignore lint/suspicious/noExplicitAny: the rule reads members of the value it checks
export function refine(test: (value: any) => boolean, params: { readonly message: string }): Check {
  const { message } = params
  return (value): Issue | undefined =>
    test(value) ? undefined : { code: 'custom', message, input: value, path: [], continue: true }
}
