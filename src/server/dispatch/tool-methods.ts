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
import type { ToolResult } from '../registry/content-types.ts'
import { paginate } from '../registry/pagination.ts'
import { since } from '../registry/revision-fields.ts'
import { carriesStructuredContent, type ToolEntry } from '../registry/tool-entry.ts'
import { invalidResult, type MethodContext, runnerDeps, shapeFor } from './method-context.ts'
import { runHandler } from './run-handler.ts'
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
async function outputFailure(
  entry: ToolEntry,
  structuredContent: unknown,
): Promise<Record<string, unknown> | undefined> {
  if (entry.output === undefined) return undefined
  if (structuredContent === undefined) {
    return toolError(
      `Output validation error: tool ${entry.name} has an output schema but returned no structuredContent`,
    )
  }
  const checked = await entry.output.check?.(structuredContent)
  if (checked === undefined || checked.ok) return undefined
  return toolError(
    `Output validation error: structuredContent of tool ${entry.name} does not match its output schema: ${checked.message}`,
  )
}

/** The handler's return value as a `CallToolResult` of the request's revision. */
async function toCallToolResult(
  context: MethodContext,
  entry: ToolEntry,
  raw: ToolResult,
): Promise<Record<string, unknown>> {
  const given = typeof raw === 'string' ? { content: [{ type: 'text' as const, text: raw }] } : raw
  if (typeof given !== 'object' || given === null) {
    const kind = given === null ? 'null' : typeof given
    return toolError(`Tool ${entry.name} returned ${kind}, not a result`)
  }
  const { content, structuredContent, isError, _meta } = given
  if (isError !== true) {
    const failure = await outputFailure(entry, structuredContent)
    if (failure !== undefined) return failure
  }
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

/** Validates the arguments; the value for the handler, or the failure in the revision's form. */
async function checkArguments(
  context: MethodContext,
  entry: ToolEntry,
  args: unknown,
): Promise<{ ok: true; value: unknown } | { ok: false; result: Record<string, unknown> }> {
  const checked = await entry.input.check?.(args)
  if (checked === undefined) return { ok: true, value: args }
  if (checked.ok) return checked
  const message = `Input validation error: invalid arguments for tool ${entry.name}: ${checked.message}`
  if (!since(context.scope.revision, '2025-11-25')) throw ProtocolError.invalidParams(message)
  return { ok: false, result: toolError(message) }
}

/** `tools/call`. */
export async function callTool(context: MethodContext): Promise<Record<string, unknown>> {
  const { catalog, scope, params } = context
  const name = params.name as string
  const entry = catalog.tools.get(name)
  if (entry === undefined) throw ProtocolError.invalidParams(`Unknown tool: ${name}`)
  const args = (params.arguments as Record<string, unknown> | undefined) ?? {}
  const checked = await checkArguments(context, entry, args)
  if (!checked.ok) return shapeFor(context, checked.result)
  const outcome = await runHandler({
    scope,
    params,
    binding: ['tools/call', name, args],
    deps: runnerDeps(context),
    run: (ctx) => entry.handler(checked.value, ctx),
  })
  if (outcome.kind === 'input') return shapeFor(context, outcome.result)
  if (outcome.kind === 'error') {
    if (isProtocolError(outcome.error)) throw outcome.error
    catalog.report(outcome.error, { phase: 'handler', method: 'tools/call' })
    return shapeFor(context, toolError(messageOf(outcome.error)))
  }
  const result = shapeFor(context, await toCallToolResult(context, entry, outcome.value))
  const invalid = invalidResult(context, 'tools/call', result)
  if (invalid === undefined) return result
  return shapeFor(
    context,
    toolError(`Tool ${entry.name} returned an invalid result for ${scope.revision}: ${invalid}`),
  )
}
