/**
 * Checks added to a schema with `.check(…)`: bounds and refinements. None of them stops later
 * checks (they leave the value's type intact), as in zod.
 *
 * @internal
 */
import type { Issue } from './issue.ts'
import type { Check } from './schema.ts'

/** The bound a value broke: a `minimum` (`too_small`) or a `maximum` (`too_big`), inclusive. */
export type Bound = { readonly minimum: number } | { readonly maximum: number }

/** The issue of `input`, measured as `origin` (`number`, `int`, `array`, `string`), beyond `bound`. */
export function outOfBounds(bound: Bound, origin: string, input: unknown): Issue {
  return {
    code: 'minimum' in bound ? 'too_small' : 'too_big',
    origin,
    ...bound,
    inclusive: true,
    input,
    path: [],
    continue: true,
  }
}

/** `value >= minimum`. */
export function gte(minimum: number): Check {
  return (value) =>
    (value as number) >= minimum ? undefined : outOfBounds({ minimum }, 'number', value)
}

/** `value <= maximum`. */
export function lte(maximum: number): Check {
  return (value) =>
    (value as number) <= maximum ? undefined : outOfBounds({ maximum }, 'number', value)
}

/** A check that bounds a length; an array schema tests it before walking its items. */
export type LengthCheck = Check & { readonly maxLength: number }

/** An array or string of at most `maximum` items. */
export function maxLength(maximum: number): LengthCheck {
  const check: Check = (value) =>
    (value as { length: number }).length <= maximum
      ? undefined
      : outOfBounds({ maximum }, Array.isArray(value) ? 'array' : 'string', value)
  return Object.assign(check, { maxLength: maximum })
}

/** A rule the value must satisfy, reported with `message`. */
// biome-ignore lint/suspicious/noExplicitAny: the rule reads members of the value it checks
export function refine(test: (value: any) => boolean, params: { readonly message: string }): Check {
  const { message } = params
  return (value): Issue | undefined =>
    test(value) ? undefined : { code: 'custom', message, input: value, path: [], continue: true }
}
