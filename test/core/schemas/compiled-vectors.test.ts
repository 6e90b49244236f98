/**
 * The same test vectors, with every object schema built by zod's compiled object parser (what a
 * server installs): both parsers must accept, reject and report exactly alike.
 */
import { expect, test } from 'vitest'
import * as z from 'zod/mini'
import { obj } from '../../../src/core/schemas/base.ts'
import { useCompiledObjects } from '../../../src/core/schemas/compiled-object.ts'

// Before the vectors' module builds any revision's schemas (they are built lazily, on first use).
useCompiledObjects()
await import('./vectors.test.ts')

test('object schemas are compiled ones, and clones keep the parser', () => {
  const schema = obj({ name: z.string() })
  expect(schema._zod.traits.has('$ZodObjectJIT')).toBe(true)
  const extended = z.extend(schema, { size: z.number() })
  expect(extended._zod.traits.has('$ZodObjectJIT')).toBe(true)
  expect(z.safeParse(extended, { name: 'a', size: 1, extra: true }).data).toEqual({
    name: 'a',
    size: 1,
    extra: true,
  })
  expect(z.safeParse(extended, { name: 'a', size: '1' }).success).toBe(false)
  expect(schema.shape.name).toBeDefined()
})
