/**
 * `tools/list` and `tools/call`.
 *
 * Failures of `tools/call`, by cause:
 * - unknown tool, malformed params: JSON-RPC `-32602`;
 * - arguments failing the input schema: a tool error (`isError: true`) from 2025-11-25 on, whose
 *   spec lists input validation among tool execution errors; `-32602` before, whose specs list
 *   "invalid arguments" among protocol errors;
 * - the handler throws a `ProtocolError`: that JSON-RPC error (e.g. `-32021` for a missing client
 *   capability); any other exception: a tool error carrying its message;
 * - `structuredContent` missing or failing the `outputSchema` (the server broke its own contract):
 *   a tool error, so the model sees what went wrong and no invalid data reaches the client.
 */
import { isProtocolError } from '../../core/errors/guards.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { isPromiseLike, type MaybePromise } from '../../core/maybe-promise.ts'
import type { ToolResult } from '../registry/content-types.ts'
import { paginate } from '../registry/pagination.ts'
import { since } from '../registry/revision-fields.ts'
import type { SchemaCheck } from '../registry/standard-schema.ts'
import { carriesStructuredContent, type ToolEntry } from '../registry/tool-entry.ts'
import { invalidResult, type MethodContext, runnerDeps, shapeFor } from './method-context.ts'
import { type RunOutcome, runHandler } from './run-handler.ts'
import { messageOf, toolError } from './shape-result.ts'

/** `tools/list`: registered tools in registration order, paginated. */
export function listTools(context: MethodContext): Record<string, unknown> {
  const { catalog, scope, params } = context
  const page = paginate(
    catalog.tools.projected(scope.revision),
    params.cursor as string | undefined,
    catalog.options.pageSize,
  )
  const result: Record<string, unknown> = { tools: page.items }
  if (page.nextCursor !== undefined) result.nextCursor = page.nextCursor
  return shapeFor(context, result, { method: 'tools/list' })
}

/** Checks `structuredContent` against the tool's output schema; the error result when it fails. */
function outputFailure(
  entry: ToolEntry,
  structuredContent: unknown,
): MaybePromise<Record<string, unknown> | undefined> {
  if (entry.output === undefined) return undefined
  if (structuredContent === undefined) {
    return toolError(
      `Output validation error: tool ${entry.name} has an output schema but returned no structuredContent`,
    )
  }
  const checked = entry.output.check?.(structuredContent)
  if (isPromiseLike(checked)) return checked.then(outputCheck.bind(undefined, entry))
  return outputCheck(entry, checked)
}

function outputCheck(
  entry: ToolEntry,
  result: SchemaCheck | undefined,
): Record<string, unknown> | undefined {
  if (result === undefined || result.ok) return undefined
  return toolError(
    `Output validation error: structuredContent of tool ${entry.name} does not match its output schema: ${result.message}`,
  )
}

/** The handler's return value as a `CallToolResult` of the request's revision. */
function toCallToolResult(
  context: MethodContext,
  entry: ToolEntry,
  raw: ToolResult,
): MaybePromise<Record<string, unknown>> {
  const given = typeof raw === 'string' ? { content: [{ type: 'text' as const, text: raw }] } : raw
  if (typeof given !== 'object' || given === null) {
    const kind = given === null ? 'null' : typeof given
    return toolError(`Tool ${entry.name} returned ${kind}, not a result`)
  }
  const failure = given.isError === true ? undefined : outputFailure(entry, given.structuredContent)
  if (isPromiseLike(failure)) {
    return failure.then(failedOr.bind(undefined, { context, entry, given }))
  }
  return failure ?? callToolResult(context, entry, given)
}

function failedOr(
  built: { context: MethodContext; entry: ToolEntry; given: Exclude<ToolResult, string> },
  failure: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return failure ?? callToolResult(built.context, built.entry, built.given)
}

function callToolResult(
  context: MethodContext,
  entry: ToolEntry,
  given: Exclude<ToolResult, string>,
): Record<string, unknown> {
  const { content, structuredContent, isError, _meta } = given
  const serialised =
    structuredContent === undefined
      ? []
      : [{ type: 'text', text: JSON.stringify(structuredContent) }]
  const result: Record<string, unknown> = {
    content: content !== undefined && content.length > 0 ? content : serialised,
  }
  if (
    structuredContent !== undefined &&
    carriesStructuredContent(entry.output, structuredContent, context.scope.revision)
  ) {
    result.structuredContent = structuredContent
  }
  if (isError === true) result.isError = true
  if (_meta !== undefined) result._meta = _meta
  return result
}

type ArgumentCheck = { ok: true; value: unknown } | { ok: false; result: Record<string, unknown> }

/** One `tools/call` on its way: what every step needs. */
interface ToolCall {
  readonly context: MethodContext
  readonly entry: ToolEntry
  readonly args: Record<string, unknown>
}

/** Validates the arguments; the value for the handler, or the failure in the revision's form. */
function checkArguments(call: ToolCall): MaybePromise<ArgumentCheck> {
  const checked = call.entry.input.check?.(call.args)
  if (checked === undefined) return { ok: true, value: call.args }
  if (isPromiseLike(checked)) return checked.then(argumentCheck.bind(undefined, call))
  return argumentCheck(call, checked)
}

function argumentCheck(call: ToolCall, result: SchemaCheck): ArgumentCheck {
  if (result.ok) return result
  const message = `Input validation error: invalid arguments for tool ${call.entry.name}: ${result.message}`
  if (!since(call.context.scope.revision, '2025-11-25')) throw ProtocolError.invalidParams(message)
  return { ok: false, result: toolError(message) }
}

/**
 * `tools/call`. Synchronous from end to end for a tool whose schema validates and whose handler
 * returns synchronously; a promise as soon as anything waits. No closure is made on the way: the
 * steps are functions bound to the call.
 */
export function callTool(context: MethodContext): MaybePromise<Record<string, unknown>> {
  const { catalog, params } = context
  const name = params.name as string
  const entry = catalog.tools.get(name)
  if (entry === undefined) throw ProtocolError.invalidParams(`Unknown tool: ${name}`)
  const args = (params.arguments as Record<string, unknown> | undefined) ?? {}
  const call: ToolCall = { context, entry, args }
  const checked = checkArguments(call)
  if (isPromiseLike(checked)) return checked.then(runTool.bind(undefined, call))
  return runTool(call, checked)
}

function runTool(call: ToolCall, checked: ArgumentCheck): MaybePromise<Record<string, unknown>> {
  const { context, entry, args } = call
  if (!checked.ok) return shapeFor(context, checked.result)
  const outcome = runHandler({
    scope: context.scope,
    params: context.params,
    binding: ['tools/call', entry.name, args],
    deps: runnerDeps(context),
    run: entry.handler.bind(entry, checked.value),
  })
  if (isPromiseLike(outcome)) return outcome.then(toolOutcome.bind(undefined, call))
  return toolOutcome(call, outcome)
}

function toolOutcome(
  call: ToolCall,
  outcome: RunOutcome<ToolResult>,
): MaybePromise<Record<string, unknown>> {
  const { context } = call
  if (outcome.kind === 'input') return shapeFor(context, outcome.result)
  if (outcome.kind === 'error') {
    if (isProtocolError(outcome.error)) throw outcome.error
    context.catalog.report(outcome.error, { phase: 'handler', method: 'tools/call' })
    return shapeFor(context, toolError(messageOf(outcome.error)))
  }
  const raw = outcome.value
  const built = toCallToolResult(context, call.entry, raw)
  if (isPromiseLike(built)) return built.then(finalResult.bind(undefined, { call, raw }))
  return finalResult({ call, raw }, built)
}

function finalResult(
  done: { call: ToolCall; raw: ToolResult },
  built: Record<string, unknown>,
): Record<string, unknown> {
  const { context, entry } = done.call
  const result = shapeFor(context, built)
  // A plain string became a result mcpkit built itself, valid in every revision.
  const invalid =
    typeof done.raw === 'string' ? undefined : invalidResult(context, 'tools/call', result)
  if (invalid === undefined) return result
  return shapeFor(
    context,
    toolError(
      `Tool ${entry.name} returned an invalid result for ${context.scope.revision}: ${invalid}`,
    ),
  )
}
