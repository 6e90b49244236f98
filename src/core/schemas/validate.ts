/**
 * Validation with readable failures: zod issues are flattened into {@link SchemaIssue}s that name
 * the deepest failing paths. For a failed union, the issues of the branch that got furthest are
 * reported (see `branchScore`), so `{ type: 'image', data: 1 }` reports `data`, not `text`, and a
 * response with a bad `result` reports `result`, not a missing `method`.
 */
import type * as z from 'zod'
import type { ProtocolRevision } from '../eras/versions.ts'
import { isPublicType, tableFor } from './revisions.ts'

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

/** The JSON type of a value as messages name it. */
function typeName(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** zod's message without its generic `Invalid input: ` prefix; a missing value says so. */
function describe(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid (input|option): /, '')
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
function branchScore(issues: readonly SchemaIssue[], raw: readonly z.core.$ZodIssue[]): number[] {
  const literalMismatch = raw.some(
    (issue) => issue.code === 'invalid_value' && issue.values.length === 1,
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
function typeOnlyFailure(branches: readonly (readonly z.core.$ZodIssue[])[]): string | undefined {
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
    expected.push(only.expected)
  }
  const first = branches[0]?.[0]
  const received =
    first !== undefined && 'input' in first ? `, received ${typeName(first.input)}` : ''
  return `expected ${[...new Set(expected)].join(' | ')}${received}`
}

function flattenUnion(issue: z.core.$ZodIssueInvalidUnion, prefix: Path, out: SchemaIssue[]): void {
  const here = toPath(prefix, issue.path)
  if (issue.errors.length === 0) {
    out.push({ path: here, message: describe(issue) })
    return
  }
  const merged = typeOnlyFailure(issue.errors)
  if (merged !== undefined) {
    out.push({ path: here, message: merged })
    return
  }
  let best: SchemaIssue[] = []
  let bestScore: number[] | undefined
  for (const branch of issue.errors) {
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

function flattenInto(issues: readonly z.core.$ZodIssue[], prefix: Path, out: SchemaIssue[]): void {
  for (const issue of issues) {
    if (issue.code === 'invalid_union') flattenUnion(issue, prefix, out)
    else out.push({ path: toPath(prefix, issue.path), message: describe(issue) })
  }
}

/** Flattens zod issues into {@link SchemaIssue}s, descending into failed unions. */
export function flattenIssues(issues: readonly z.core.$ZodIssue[]): SchemaIssue[] {
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
 * Validates `value` against any schema; never throws for bad data.
 *
 * @example
 * const result = validateWith(schemasFor('2025-11-25').methods['tools/call'].params, params)
 * if (!result.ok) throw new ProtocolError(-32602, result.message)
 */
export function validateWith(schema: z.ZodType, value: unknown): ValidationResult {
  const parsed = schema.safeParse(value)
  if (parsed.success) return { ok: true, value: parsed.data }
  // Parse again, on the failure path only, with the inputs that tell "missing" from "wrong".
  const failed = schema.safeParse(value, { reportInput: true })
  const issues = flattenIssues(failed.error?.issues ?? parsed.error.issues)
  return { ok: false, issues, message: formatIssues(issues) }
}

/**
 * Validates `value` as the schema.ts type `typeName` of `revision`; never throws for bad data.
 * Throws an `Error` only when the revision has no type of that name.
 *
 * @example
 * validate('2026-07-28', 'CallToolRequest', message)
 * // { ok: false, issues: [...], message: 'params.arguments: expected object, received string' }
 */
export function validate(
  revision: ProtocolRevision,
  typeName: string,
  value: unknown,
): ValidationResult {
  const table = tableFor(revision)
  if (!isPublicType(table, typeName)) {
    throw new Error(`MCP revision ${revision} has no schema type "${typeName}"`)
  }
  return validateWith(table.get(typeName), value)
}
