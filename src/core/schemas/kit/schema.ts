/**
 * The base of every kit schema: a type check (`parseType`) followed by the checks added with
 * {@link Schema.check}, run in order until one fails in a way that stops the rest, as zod runs its
 * checks. Validation never copies the value: on success it allocates nothing.
 *
 * @internal
 */
import { aborted, type Issue, push } from './issue.ts'

/** A check run after the type check: an issue, or `undefined` when the value passes. */
export type Check = (value: unknown) => Issue | undefined

const NO_CHECKS: readonly Check[] = []

/** A schema; `T` is what it accepts (for the reader: nothing infers from it). */
export abstract class Schema<T = unknown> {
  /** Marks what the schema accepts, for type-level documentation only. */
  declare readonly accepts?: T
  /** Whether an object member with this schema may be absent (`optional`). */
  optional = false
  /** The checks that run after the type check. */
  checks: readonly Check[] = NO_CHECKS

  /** The type check: issues, or `undefined` when `value` has the right type. */
  protected abstract parseType(value: unknown): readonly Issue[] | undefined

  /** Runs the schema: the issues found, or `undefined` when `value` is valid. */
  run(value: unknown): readonly Issue[] | undefined {
    const issues = this.parseType(value)
    const checks = this.checks
    if (checks.length === 0 || (issues !== undefined && aborted(issues))) return issues
    let out = issues === undefined ? undefined : push(undefined, ...issues)
    for (const check of checks) {
      const issue = check(value)
      if (issue === undefined) continue
      out = push(out, issue)
      if (issue.continue !== true) break
    }
    return out
  }

  /** zod's `safeParse`: the value (not a copy) or the issues. */
  safeParse(
    value: unknown,
  ):
    | { success: true; data: T; error?: undefined }
    | { success: false; data?: undefined; error: { issues: readonly Issue[] } } {
    const issues = this.run(value)
    return issues === undefined
      ? { success: true, data: value as T }
      : { success: false, error: { issues } }
  }

  /** A copy of this schema with `checks` appended. */
  check(...checks: readonly Check[]): this {
    const copy = Object.create(Object.getPrototypeOf(this) as object) as this
    Object.assign(copy, this)
    copy.checks = [...this.checks, ...checks]
    return copy
  }
}
