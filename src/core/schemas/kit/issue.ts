/**
 * What a failed check reports. The shape follows zod 4's issues (same codes and fields), so the
 * readable messages of `validate.ts` are worded the same for the protocol schemas and for zod
 * schemas that authors register.
 *
 * @internal
 */

/** One failure, relative to the value the schema was run on. */
export interface Issue {
  /** `invalid_type`, `invalid_value`, `too_big`, `too_small`, `invalid_union`, `custom`, … */
  readonly code: string
  /** Where it failed; prefixed by the enclosing objects and arrays on the way out. */
  readonly path: PropertyKey[]
  /** The value that failed (`undefined` for a missing member). */
  readonly input?: unknown
  /** The author's text, for `custom` issues. */
  readonly message?: string
  /** `invalid_type`: the type expected (`string`, `int`, `object`, `nonoptional`, …). */
  readonly expected?: string
  /** `invalid_value`: the values accepted. */
  readonly values?: readonly unknown[]
  /** `too_big` / `too_small`: what was measured (`number`, `int`, `array`, `string`). */
  readonly origin?: string
  readonly minimum?: number | bigint
  readonly maximum?: number | bigint
  readonly inclusive?: boolean
  /** `invalid_union`: each branch's issues (empty when no discriminator matched). */
  readonly errors?: readonly (readonly Issue[])[]
  /** `invalid_union` of a discriminated union: the discriminator values accepted. */
  readonly options?: readonly unknown[]
  /** `unrecognized_keys` (zod only). */
  readonly keys?: readonly string[]
  /**
   * `true` when the failure leaves the value's type intact (a range or a refinement), so later
   * checks still run and a union may still pick the branch (zod's `continue`).
   */
  readonly continue?: boolean
}

/** Whether any issue from `from` on stops further checks. */
export function aborted(issues: readonly Issue[], from = 0): boolean {
  for (let index = from; index < issues.length; index++) {
    if (issues[index]?.continue !== true) return true
  }
  return false
}

/** Puts `key` in front of every issue's path (issues are fresh per run, so in place). */
export function prefixed(key: PropertyKey, issues: readonly Issue[]): readonly Issue[] {
  for (const issue of issues) issue.path.unshift(key)
  return issues
}

/** `issues` appended to `out`, which is created on the first failure (success allocates nothing). */
export function push(out: Issue[] | undefined, ...issues: readonly Issue[]): Issue[] {
  if (out === undefined) return [...issues]
  out.push(...issues)
  return out
}

/** An `invalid_type` issue. */
export function typeIssue(expected: string, input: unknown): Issue {
  return { code: 'invalid_type', expected, input, path: [] }
}
