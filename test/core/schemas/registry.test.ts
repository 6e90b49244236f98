import { describe, expect, test } from 'vitest'
import * as z from '../../../src/core/schemas/kit/index.ts'
import {
  deriveDefs,
  REMOVED,
  SchemaTable,
  type TypeDef,
} from '../../../src/core/schemas/registry.ts'

const leaf: TypeDef = () => z.string()
const box: TypeDef = (t) => z.looseObject({ value: t('Leaf') })

describe('deriveDefs and SchemaTable', () => {
  test('builds a type on first read and caches it', () => {
    let builds = 0
    const table = new SchemaTable(
      deriveDefs(undefined, [
        {
          Leaf: () => {
            builds++
            return z.string()
          },
        },
      ]),
      'test',
    )
    expect(builds).toBe(0)
    expect(table.get('Leaf')).toBe(table.get('Leaf'))
    expect(builds).toBe(1)
  })

  test('shares a schema between revisions whose references resolve to the same schemas', () => {
    const first = deriveDefs(undefined, [{ Leaf: leaf, Box: box }])
    const second = deriveDefs(first, [{ Other: () => z.number() }])
    expect(new SchemaTable(first, 'a').get('Box')).toBe(new SchemaTable(second, 'b').get('Box'))
  })

  test('rebuilds a type for a revision where a type it refers to changed', () => {
    const first = deriveDefs(undefined, [{ Leaf: leaf, Box: box }])
    const second = deriveDefs(first, [{ Leaf: () => z.number() }])
    const a = new SchemaTable(first, 'a').get('Box')
    const b = new SchemaTable(second, 'b').get('Box')
    expect(a).not.toBe(b)
    expect(a.safeParse({ value: 'x' }).success).toBe(true)
    expect(b.safeParse({ value: 1 }).success).toBe(true)
    expect(b.safeParse({ value: 'x' }).success).toBe(false)
  })

  test('base() extends the previous definition, resolved in the new revision', () => {
    const first = deriveDefs(undefined, [{ Leaf: leaf, Box: box }])
    const second = deriveDefs(first, [
      { Leaf: () => z.number(), Box: (t) => z.extend(t.base(), { extra: z.boolean() }) },
    ])
    const boxed = new SchemaTable(second, 'b').get('Box')
    expect(boxed.safeParse({ value: 1, extra: true }).success).toBe(true)
    expect(boxed.safeParse({ value: 'x', extra: true }).success).toBe(false)
    expect(boxed.safeParse({ value: 1 }).success).toBe(false)
  })

  test('removes types, and refuses to remove unknown ones', () => {
    const first = deriveDefs(undefined, [{ Leaf: leaf }])
    expect(deriveDefs(first, [{ Leaf: REMOVED }]).has('Leaf')).toBe(false)
    expect(() => deriveDefs(first, [{ Nope: REMOVED }])).toThrow(/Nope/)
  })

  test('reports unknown names and cycles', () => {
    const table = new SchemaTable(
      deriveDefs(undefined, [
        { A: (t) => z.array(t('B')), B: (t) => z.array(t('A')), C: (t) => t('D') },
      ]),
      'cyclic',
    )
    expect(() => table.get('A')).toThrow(/refers to itself/)
    expect(() => table.get('C')).toThrow(/defines no schema type "D"/)
  })

  test('object() refuses a type that is not an object', () => {
    const table = new SchemaTable(
      deriveDefs(undefined, [{ Leaf: leaf, Bad: (t) => z.extend(t.object('Leaf'), {}) }]),
      'test',
    )
    expect(() => table.get('Bad')).toThrow(/not an object/)
  })
})
