/**
 * mcpkit's schema kit: the small set of schema builders the protocol definitions use, with zod's
 * vocabulary (`z.optional(z.string())`) and zod's issues, so definitions read like zod and failures
 * are worded alike. It validates in place (no copy of the value, nothing allocated on success),
 * imports nothing, and weighs a fraction of zod in a browser bundle. Authors' tool schemas are
 * still zod (or any Standard Schema); only the wire schemas use the kit.
 *
 * @example
 * import * as z from './kit/index.ts'
 * const Icon = z.looseObject({ src: z.string(), sizes: z.optional(z.array(z.string())) })
 * Icon.run({ src: 1 }) // [{ code: 'invalid_type', expected: 'string', input: 1, path: ['src'] }]
 *
 * @internal
 */
export { gte, lte, maxLength, refine } from './checks.ts'
export {
  array,
  extend,
  looseObject,
  nullable,
  ObjectSchema,
  optional,
  record,
  type Shape,
} from './composites.ts'
export type { Issue } from './issue.ts'
export {
  boolean,
  custom,
  enumOf as enum,
  int,
  literal,
  number,
  string,
  unknown,
} from './primitives.ts'
export { type Check, Schema } from './schema.ts'
export { discriminatedUnion, union } from './unions.ts'
