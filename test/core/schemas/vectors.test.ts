/**
 * Checks mcpkit's per-revision zod schemas against test vectors written independently from the spec's
 * `schema/<rev>/schema.ts` and `schema.json` (see ./vectors/).
 */
import { describe, expect, test } from 'vitest'
import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../../../src/core/eras/versions.ts'
import { schemasFor, validate } from '../../../src/core/schemas/index.ts'
import {
  ALL_VECTORS,
  absentTypes,
  type InvalidVector,
  METHOD_OF,
  METHODS,
  type MessageVector,
  messageTypes,
  type ValidVector,
  type VectorPath,
} from './vectors/index.ts'

const dotted = (path: VectorPath): string => path.join('.')

/**
 * The same path written as a JavaScript accessor (`tools[0].name`, `_meta["io.x/y"]`), the other usual
 * "dotted" rendering; messages may use either.
 */
const accessor = (path: VectorPath): string =>
  path
    .map((key, i) => {
      if (typeof key === 'number') return `[${key}]`
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`
      return `[${JSON.stringify(key)}]`
    })
    .join('')

const samePath = (a: VectorPath, b: VectorPath): boolean =>
  a.length === b.length && a.every((key, i) => key === b[i])

const appliesTo = (vector: MessageVector, revision: ProtocolRevision): boolean =>
  vector.revisions.includes(revision)

function validVectors(revision: ProtocolRevision): ValidVector[] {
  return ALL_VECTORS.filter((v): v is ValidVector => v.kind === 'valid' && appliesTo(v, revision))
}

function invalidVectors(revision: ProtocolRevision): (InvalidVector & { at: string })[] {
  return ALL_VECTORS.filter(
    (v): v is InvalidVector => v.kind === 'invalid' && appliesTo(v, revision),
  ).map((v) => ({ ...v, at: dotted(v.path) || '(root)' }))
}

describe.each(PROTOCOL_REVISIONS)('%s vectors', (revision) => {
  test.each(validVectors(revision))('$type accepts: $name', ({ type, value }) => {
    const result = validate(revision, type, value)
    expect(result.ok, result.ok ? '' : result.message).toBe(true)
  })

  test.each(invalidVectors(revision))('$type rejects: $name (at $at)', (vector) => {
    const result = validate(revision, vector.type, vector.value)
    expect(result.ok, `${vector.type} accepted an invalid value`).toBe(false)
    if (result.ok) return
    const accepted = vector.orAt ? [vector.path, vector.orAt] : [vector.path]
    const issue = result.issues.find((i) => accepted.some((path) => samePath(i.path, path)))
    const seen = JSON.stringify(result.issues.map((i) => i.path))
    expect(
      issue,
      `no issue at ${accepted.map(dotted).join(' or ')}; issues at ${seen}`,
    ).toBeDefined()
    if (!issue || issue.path.length === 0) return
    const text = `${result.message}\n${issue.message}`
    const forms = [dotted(issue.path), accessor(issue.path)]
    expect(
      forms.some((form) => text.includes(form)),
      `message ${JSON.stringify(text)} names no form of ${forms.join(' / ')}`,
    ).toBe(true)
  })
})

describe.each(PROTOCOL_REVISIONS)('%s coverage', (revision) => {
  const vectorsOf = (type: string) =>
    ALL_VECTORS.filter((v) => v.type === type && appliesTo(v, revision))

  test.each(messageTypes(revision))('%s has a schema and valid and invalid vectors', (type) => {
    expect(
      schemasFor(revision).types[type],
      `schemasFor('${revision}').types.${type}`,
    ).toBeDefined()
    expect(vectorsOf(type).some((v) => v.kind === 'valid')).toBe(true)
    expect(vectorsOf(type).some((v) => v.kind === 'invalid')).toBe(true)
  })

  test('every vector for this revision names one of its message types', () => {
    const known = new Set(messageTypes(revision))
    const stray = ALL_VECTORS.filter((v) => appliesTo(v, revision) && !known.has(v.type))
    expect(stray.map((v) => `${v.type}: ${v.name}`)).toEqual([])
  })

  const absent = absentTypes(revision)
  test('offers no message type that only other revisions declare', () => {
    const offered = absent.filter((type) => schemasFor(revision).types[type] !== undefined)
    expect(offered).toEqual([])
  })

  test.each(Object.entries(METHODS[revision]))('method %s', (method, expected) => {
    const entry = schemasFor(revision).methods[method]
    expect(entry, `schemasFor('${revision}').methods['${method}']`).toBeDefined()
    expect({ kind: entry?.kind, from: entry?.from }).toEqual(expected)
  })

  const removed = [...new Set(absent.flatMap((type) => METHOD_OF[type] ?? []))].filter(
    (method) => METHODS[revision][method] === undefined,
  )
  test('offers no method this revision does not declare', () => {
    const offered = removed.filter((method) => schemasFor(revision).methods[method] !== undefined)
    expect(offered).toEqual([])
  })
})
