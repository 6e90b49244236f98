/**
 * Schemas made of others: optional and nullable members, arrays, records, objects (always open, as
 * schema.json is) and their extensions.
 *
 * @internal
 */

import type { LengthCheck } from './checks.ts'
import { type Issue, prefixed, push, typeIssue } from './issue.ts'
import { Schema } from './schema.ts'

/** The members of an object schema. */
export type Shape = Readonly<Record<string, Schema>>

/** Whether `value` is an object that is neither `null` nor an array. */
export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** An object made by `{}`, `Object.create(null)` or `JSON.parse` (what a record may be). */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (!isObject(value)) return false
  const ctor = value.constructor
  if (typeof ctor !== 'function') return true
  const proto: unknown = ctor.prototype
  return isObject(proto) && Object.hasOwn(proto, 'isPrototypeOf')
}

/** `inner`, or exactly `orValue` besides: `undefined` (optional) or `null` (nullable). */
class OrValueSchema<T, TOr extends undefined | null> extends Schema<T | TOr> {
  readonly inner: Schema<T>
  readonly orValue: TOr
  constructor(inner: Schema<T>, orValue: TOr) {
    super()
    this.inner = inner
    this.orValue = orValue
    // A nullable member may be absent only if its inner schema may.
    this.optional = orValue === undefined || inner.optional
  }
  protected parseType(value: unknown): readonly Issue[] | undefined {
    return value === this.orValue ? undefined : this.inner.run(value)
  }
}

class ArraySchema<T> extends Schema<T[]> {
  readonly item: Schema<T>
  constructor(item: Schema<T>) {
    super()
    this.item = item
  }

  protected parseType(value: unknown): readonly Issue[] | undefined {
    if (!Array.isArray(value)) return [typeIssue('array', value)]
    // An array over its bound is refused before its items are walked (it may be huge), and
    // reports the bound only, as zod does: the issue stops the checks that follow.
    for (const check of this.checks) {
      const limit = (check as Partial<LengthCheck>).maxLength
      const issue = limit !== undefined && value.length > limit ? check(value) : undefined
      if (issue !== undefined) return [{ ...issue, continue: false }]
    }
    let out: Issue[] | undefined
    for (let index = 0; index < value.length; index++) {
      const issues = this.item.run(value[index])
      if (issues !== undefined) out = push(out, ...prefixed(index, issues))
    }
    return out
  }
}

class RecordSchema<T> extends Schema<Record<string, T>> {
  readonly key: Schema<string>
  readonly value: Schema<T>
  constructor(key: Schema<string>, value: Schema<T>) {
    super()
    this.key = key
    this.value = value
  }
  protected parseType(value: unknown): readonly Issue[] | undefined {
    if (!isPlainObject(value)) return [typeIssue('record', value)]
    let out: Issue[] | undefined
    for (const key in value) {
      if (!Object.hasOwn(value, key) || key === '__proto__') continue
      const keyIssues = this.key.run(key)
      if (keyIssues !== undefined) {
        out = push(out, { code: 'invalid_key', origin: 'record', input: key, path: [key] })
        continue
      }
      const issues = this.value.run(value[key])
      if (issues !== undefined) out = push(out, ...prefixed(key, issues))
    }
    return out
  }
}

/** An open object: the members of `shape` are checked, any other member is kept as it is. */
export class ObjectSchema extends Schema<Record<string, unknown>> {
  readonly shape: Shape
  /** The members checked, in order. */
  readonly keys: readonly string[]

  constructor(shape: Shape) {
    super()
    this.shape = shape
    this.keys = Object.keys(shape).filter((key) => key !== '__proto__')
  }

  protected parseType(value: unknown): readonly Issue[] | undefined {
    if (!isObject(value)) return [typeIssue('object', value)]
    let out: Issue[] | undefined
    for (const key of this.keys) {
      const member = this.shape[key] as Schema
      const present = key in value
      if (!present && member.optional) continue
      const issues = member.run(value[key])
      if (issues !== undefined) out = push(out, ...prefixed(key, issues))
      else if (!present) {
        // A required member whose schema takes `undefined` (`unknown`) must still be there.
        out = push(out, { ...typeIssue('nonoptional', undefined), path: [key] })
      }
    }
    return out
  }
}

/** `value` or absent. */
export const optional = <T>(inner: Schema<T>): Schema<T | undefined> =>
  new OrValueSchema(inner, undefined)

/** `value` or `null`. */
export const nullable = <T>(inner: Schema<T>): Schema<T | null> => new OrValueSchema(inner, null)

/** A list of `item`. */
export const array = <T>(item: Schema<T>): Schema<T[]> => new ArraySchema(item)

/** An object whose every own member is a `value` under a `key`. */
export const record = <T>(key: Schema<string>, value: Schema<T>): Schema<Record<string, T>> =>
  new RecordSchema(key, value)

/** An open object with the members of `shape`. */
export const looseObject = (shape: Shape): ObjectSchema => new ObjectSchema(shape)

/**
 * `base` plus the members of `shape` (a member of `shape` replaces `base`'s). A schema with checks
 * cannot be extended: the checks were written for the members it had.
 */
export function extend(base: ObjectSchema, shape: Shape): ObjectSchema {
  if (base.checks.length > 0) throw new Error('An object schema with checks cannot be extended')
  return new ObjectSchema({ ...base.shape, ...shape })
}
