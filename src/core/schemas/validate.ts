/**
 * Validation with readable failures: issues (the kit's, or zod's for authors' schemas: the same
 * shape) are flattened into {@link SchemaIssue}s that name
 * the deepest failing paths. For a failed union, the issues of the branch that got furthest are
 * reported (see `branchScore`), so `{ type: 'image', data: 1 }` reports `data`, not `text`, and a
 * response with a bad `result` reports `result`, not a missing `method`.
 */
import type { Issue, Schema } from './kit/index.ts'

/** One validation failure. */
export interface SchemaIssue {
  /** Where in the value it failed (`[]` is the value itself). */
  readonly path: readonly (string | number)[]
  /** What was wrong, e.g. `expected object, received string`. */
  readonly message: string
}

/** The outcome of a validation: the parsed value, or the issues and a readable message. */
export type ValidationResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly issues: readonly SchemaIssue[]; readonly message: string }

type Path = readonly PropertyKey[]

const MAX_ISSUES_IN_MESSAGE = 5
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/

/** `params.messages[0].content`, `_meta["io.modelcontextprotocol/protocolVersion"]`; `(root)` for `[]`. */
export function formatPath(path: readonly (string | number)[]): string {
  let text = ''
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`
    else if (IDENTIFIER.test(key)) text += text === '' ? key : `.${key}`
    else text += `[${JSON.stringify(key)}]`
  }
  return text === '' ? '(root)' : text
}

/** The JSON type of a value as messages name it (`NaN` and `Infinity` by their value). */
function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return typeof value
}

const literal = (value: unknown): string =>
  typeof value === 'string' ? JSON.stringify(value) : String(value)

/** The bound of a size check (`too_small`, `too_big`): `to be >=0`, `to have <=100 items`. */
function bound(issue: Issue): string {
  const small = issue.code === 'too_small'
  const limit = small ? issue.minimum : issue.maximum
  const relation = issue.inclusive === false ? (small ? '>' : '<') : small ? '>=' : '<='
  return issue.origin === 'array'
    ? `expected array to have ${relation}${String(limit)} items`
    : `expected ${issue.origin} to be ${relation}${String(limit)}`
}

/**
 * A readable message for an issue, written here from the issue's code rather than taken from a zod
 * locale, so the text does not depend on what else loaded zod.
 */
function issueText(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}${'input' in issue ? `, received ${typeName(issue.input)}` : ''}`
    case 'invalid_value': {
      const values = issue.values ?? []
      return values.length === 1
        ? `expected ${literal(values[0])}`
        : `expected one of ${values.map(literal).join('|')}`
    }
    case 'too_big':
    case 'too_small':
      return bound(issue)
    case 'unrecognized_keys':
      return `unrecognized keys: ${(issue.keys ?? []).join(', ')}`
    case 'invalid_union': {
      const { options } = issue as { options?: readonly unknown[] }
      return options?.length
        ? `invalid discriminator value, expected ${options.map((o) => `'${String(o)}'`).join(' | ')}`
        : 'no union member matched'
    }
    default:
      return (issue.message ?? issue.code).replace(/^Invalid (input|option): /, '')
  }
}

/** The issue's message; a missing value says so. */
function describe(issue: Issue): string {
  const message = issueText(issue)
  const missing = 'input' in issue && issue.input === undefined
  return issue.code === 'invalid_value' && missing ? `${message}, received undefined` : message
}

function toPath(prefix: Path, path: Path): (string | number)[] {
  return [...prefix, ...path].map((key) => (typeof key === 'symbol' ? String(key) : key))
}

/**
 * How far a failed union branch got, best first: its literal fields (discriminators) matched, fewer
 * required members were missing, it failed deeper, it failed fewer times.
 */
function branchScore(issues: readonly SchemaIssue[], raw: readonly Issue[]): number[] {
  const literalMismatch = raw.some(
    (issue) => issue.code === 'invalid_value' && issue.values?.length === 1,
  )
  const missing = raw.filter((issue) => 'input' in issue && issue.input === undefined).length
  const depth = Math.max(0, ...issues.map((issue) => issue.path.length))
  return [literalMismatch ? 0 : 1, -missing, depth, -issues.length]
}

function better(a: readonly number[], b: readonly number[]): boolean {
  for (let index = 0; index < a.length; index++) {
    const left = a[index] ?? 0
    const right = b[index] ?? 0
    if (left !== right) return left > right
  }
  return false
}

/** All branches failed on the value's type alone: one issue naming every accepted type. */
function typeOnlyFailure(branches: readonly (readonly Issue[])[]): string | undefined {
  const expected: string[] = []
  for (const branch of branches) {
    const [only] = branch
    if (
      branch.length !== 1 ||
      only === undefined ||
      only.code !== 'invalid_type' ||
      only.path.length > 0
    ) {
      return undefined
    }
    expected.push(only.expected ?? 'a value')
  }
  const first = branches[0]?.[0]
  const received =
    first !== undefined && 'input' in first ? `, received ${typeName(first.input)}` : ''
  return `expected ${[...new Set(expected)].join(' | ')}${received}`
}

function flattenUnion(issue: Issue, prefix: Path, out: SchemaIssue[]): void {
  const here = toPath(prefix, issue.path)
  const errors = issue.errors ?? []
  // No branch to report (no discriminator matched), or one issue for them all.
  const single = errors.length === 0 ? describe(issue) : typeOnlyFailure(errors)
  if (single !== undefined) {
    out.push({ path: here, message: single })
    return
  }
  let best: SchemaIssue[] = []
  let bestScore: number[] | undefined
  for (const branch of errors) {
    const flat: SchemaIssue[] = []
    flattenInto(branch, here, flat)
    const score = branchScore(flat, branch)
    if (bestScore === undefined || better(score, bestScore)) {
      best = flat
      bestScore = score
    }
  }
  out.push(...best)
}

function flattenInto(issues: readonly Issue[], prefix: Path, out: SchemaIssue[]): void {
  for (const issue of issues) {
    if (issue.code === 'invalid_union') flattenUnion(issue, prefix, out)
    else out.push({ path: toPath(prefix, issue.path), message: describe(issue) })
  }
}

/** Flattens issues (the kit's or zod's) into {@link SchemaIssue}s, descending into failed unions. */
export function flattenIssues(issues: readonly Issue[]): SchemaIssue[] {
  const out: SchemaIssue[] = []
  flattenInto(issues, [], out)
  return out
}

/** `path: message; path: message` (at most five, then how many more). */
export function formatIssues(issues: readonly SchemaIssue[]): string {
  const shown = issues
    .slice(0, MAX_ISSUES_IN_MESSAGE)
    .map((issue) => `${formatPath(issue.path)}: ${issue.message}`)
  const more = issues.length - shown.length
  return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ')
}

/**
 * Validates `value` against a protocol schema; never throws for bad data. The value is checked in
 * place: `value` of a success is the very value given.
 *
 * @example
 * const result = validateWith(schemasFor('2025-11-25').methods['tools/call'].params, params)
 * if (!result.ok) throw new ProtocolError(-32602, result.message)
 */
export function validateWith(schema: Schema, value: unknown): ValidationResult {
  const found = schema.run(value)
  if (found === undefined) return { ok: true, value }
  return failure(found)
}

/** The failed {@link ValidationResult} of `issues` (the kit's or zod's). */
export function failure(found: readonly Issue[]): ValidationResult & { ok: false } {
  const issues = flattenIssues(found)
  return { ok: false, issues, message: formatIssues(issues) }
}
