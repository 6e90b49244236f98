/**
 * `prompts/list` and `prompts/get`. A prompt has no tool-error form, so an unknown prompt, a missing
 * required argument and a handler's `ProtocolError` are JSON-RPC errors; other handler failures are
 * `-32603`.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { PromptMessage, PromptResult } from '../registry/content-types.ts'
import { paginate } from '../registry/pagination.ts'
import {
  asProtocolError,
  invalidResult,
  type MethodContext,
  runnerDeps,
  shapeFor,
} from './method-context.ts'
import { runHandler } from './run-handler.ts'

/** `prompts/list`: registered prompts in registration order, paginated. */
export function listPrompts(context: MethodContext): Record<string, unknown> {
  const { catalog, scope, params } = context
  const page = paginate(
    catalog.prompts.projected(scope.revision),
    params.cursor as string | undefined,
    catalog.options.pageSize,
  )
  const result: Record<string, unknown> = { prompts: page.items }
  if (page.nextCursor !== undefined) result.nextCursor = page.nextCursor
  return shapeFor(context, result, { method: 'prompts/list' })
}

function toMessage(message: PromptMessage): Record<string, unknown> {
  const { content } = message
  return {
    ...message,
    content: typeof content === 'string' ? { type: 'text', text: content } : content,
  }
}

function toPromptResult(raw: PromptResult): Record<string, unknown> {
  if (Array.isArray(raw)) return { messages: raw.map(toMessage) }
  const { description, messages, _meta } = raw as Exclude<PromptResult, readonly unknown[]>
  const result: Record<string, unknown> = { messages: (messages ?? []).map(toMessage) }
  if (description !== undefined) result.description = description
  if (_meta !== undefined) result._meta = _meta
  return result
}

/** `prompts/get`. */
export async function getPrompt(context: MethodContext): Promise<Record<string, unknown>> {
  const { catalog, scope, params } = context
  const name = params.name as string
  const entry = catalog.prompts.get(name)
  if (entry === undefined) throw ProtocolError.invalidParams(`Unknown prompt: ${name}`)
  const args = (params.arguments as Record<string, string> | undefined) ?? {}
  const missing = entry.required.filter((argument) => args[argument] === undefined)
  if (missing.length > 0) {
    throw ProtocolError.invalidParams(
      `Prompt ${name} is missing required argument${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`,
    )
  }
  const outcome = await runHandler({
    scope,
    params,
    binding: ['prompts/get', name, args],
    deps: runnerDeps(context),
    run: (ctx) => entry.get(args, ctx),
  })
  if (outcome.kind === 'input') return shapeFor(context, outcome.result)
  if (outcome.kind === 'error') throw asProtocolError(context, 'prompts/get', outcome.error)
  const value = outcome.value as PromptResult | null | undefined
  const shaped =
    typeof value === 'object' && value !== null ? shapeFor(context, toPromptResult(value)) : {}
  const invalid = invalidResult(context, 'prompts/get', shaped)
  if (invalid === undefined) return shaped
  const error = new Error(`Prompt ${name} produced an invalid result: ${invalid}`)
  throw asProtocolError(context, 'prompts/get', error)
}
