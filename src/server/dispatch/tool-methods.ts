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
import { chain, type MaybePromise } from '../../core/maybe-promise.ts'
import type { ToolResult } from '../registry/content-types.ts'
import { paginate } from '../registry/pagination.ts'
import { since } from '../registry/revision-fields.ts'
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
  return chain(checked, (result) => {
    if (result === undefined || result.ok) return undefined
    return toolError(
      `Output validation error: structuredContent of tool ${entry.name} does not match its output schema: ${result.message}`,
    )
  })
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
  const { structuredContent, isError } = given
  const failure = isError === true ? undefined : outputFailure(entry, structuredContent)
  return chain(failure, (failed) => failed ?? callToolResult(context, entry, given))
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

/** Validates the arguments; the value for the handler, or the failure in the revision's form. */
function checkArguments(
  context: MethodContext,
  entry: ToolEntry,
  args: unknown,
): MaybePromise<ArgumentCheck> {
  const checked = entry.input.check?.(args)
  if (checked === undefined) return { ok: true, value: args }
  return chain(checked, (result): ArgumentCheck => {
    if (result.ok) return result
    const message = `Input validation error: invalid arguments for tool ${entry.name}: ${result.message}`
    if (!since(context.scope.revision, '2025-11-25')) throw ProtocolError.invalidParams(message)
    return { ok: false, result: toolError(message) }
  })
}

/**
 * `tools/call`. Synchronous from end to end for a tool whose schema validates and whose handler
 * returns synchronously; a promise as soon as anything waits.
 */
export function callTool(context: MethodContext): MaybePromise<Record<string, unknown>> {
  const { catalog, params } = context
  const name = params.name as string
  const entry = catalog.tools.get(name)
  if (entry === undefined) throw ProtocolError.invalidParams(`Unknown tool: ${name}`)
  const args = (params.arguments as Record<string, unknown> | undefined) ?? {}
  return chain(checkArguments(context, entry, args), (checked) => {
    if (!checked.ok) return shapeFor(context, checked.result)
    const outcome = runHandler({
      scope: context.scope,
      params,
      binding: ['tools/call', name, args],
      deps: runnerDeps(context),
      run: (ctx) => entry.handler(checked.value, ctx),
    })
    return chain(outcome, (ended) => toolOutcome(context, { entry, outcome: ended }))
  })
}

function toolOutcome(
  context: MethodContext,
  ended: { entry: ToolEntry; outcome: RunOutcome<ToolResult> },
): MaybePromise<Record<string, unknown>> {
  const { entry, outcome } = ended
  if (outcome.kind === 'input') return shapeFor(context, outcome.result)
  if (outcome.kind === 'error') {
    if (isProtocolError(outcome.error)) throw outcome.error
    context.catalog.report(outcome.error, { phase: 'handler', method: 'tools/call' })
    return shapeFor(context, toolError(messageOf(outcome.error)))
  }
  const raw = outcome.value
  return chain(toCallToolResult(context, entry, raw), (built) => {
    const result = shapeFor(context, built)
    // A plain string became a result mcpkit built itself, valid in every revision.
    const invalid =
      typeof raw === 'string' ? undefined : invalidResult(context, 'tools/call', result)
    if (invalid === undefined) return result
    return shapeFor(
      context,
      toolError(
        `Tool ${entry.name} returned an invalid result for ${context.scope.revision}: ${invalid}`,
      ),
    )
  })
}
