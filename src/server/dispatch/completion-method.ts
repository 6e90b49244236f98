/**
 * `completion/complete`: prompt arguments and resource template variables are completed by the
 * completers registered with them, anything else by the server's fallback completion handler. An
 * unknown prompt or template (with no fallback) is `-32602`; a known one without a completer
 * completes to nothing. At most 100 values are sent; the rest are announced with `hasMore`.
 */
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { CompletionValues } from '../registry/content-types.ts'
import type { Completer, CompletionRequest } from '../registry/definition-types.ts'
import { LegacyInputBroker, NoInputBroker } from './client-input.ts'
import { HandlerContext } from './handler-context.ts'
import { asProtocolError, invalidResult, type MethodContext, shapeFor } from './method-context.ts'
import { metaOf } from './run-handler.ts'

const MAX_VALUES = 100

interface Lookup {
  /** Whether the prompt or template exists. */
  readonly known: boolean
  readonly completer: Completer | undefined
}

function lookup(context: MethodContext, request: CompletionRequest): Lookup {
  const { catalog } = context
  const { ref, argument } = request
  if (ref.type === 'ref/prompt') {
    const prompt = catalog.prompts.get(ref.name)
    const declared = prompt?.definition.arguments?.find((a) => a.name === argument.name)
    return { known: prompt !== undefined, completer: declared?.complete }
  }
  const template = catalog.templates.values().find((entry) => entry.template.template === ref.uri)
  if (template === undefined) {
    return { known: catalog.resources.get(ref.uri) !== undefined, completer: undefined }
  }
  return { known: true, completer: template.definition.complete?.[argument.name] }
}

function toCompletion(values: CompletionValues): Record<string, unknown> {
  const given: Exclude<CompletionValues, readonly string[]> = Array.isArray(values)
    ? { values }
    : (values as Exclude<CompletionValues, readonly string[]>)
  const all = given.values
  const completion: Record<string, unknown> = { values: all.slice(0, MAX_VALUES) }
  const truncated = all.length > MAX_VALUES
  const total = given.total ?? (truncated ? all.length : undefined)
  if (total !== undefined) completion.total = total
  const hasMore = given.hasMore ?? (truncated ? true : undefined)
  if (hasMore !== undefined) completion.hasMore = hasMore
  return completion
}

function contextFor(context: MethodContext): HandlerContext {
  const { scope } = context
  return new HandlerContext({
    scope,
    meta: metaOf(context.params),
    broker:
      scope.era === 'legacy'
        ? new LegacyInputBroker(scope)
        : new NoInputBroker('completion/complete'),
    logging: context.catalog.features().logging,
  })
}

/** `completion/complete`. */
export async function complete(context: MethodContext): Promise<Record<string, unknown>> {
  const request = context.params as unknown as CompletionRequest
  const { known, completer } = lookup(context, request)
  const fallback = context.catalog.completionFallback
  if (completer === undefined && fallback === undefined && !known) {
    const what =
      request.ref.type === 'ref/prompt'
        ? `prompt ${request.ref.name}`
        : `resource template ${request.ref.uri}`
    throw ProtocolError.invalidParams(`Unknown ${what}`)
  }
  let values: CompletionValues = []
  try {
    const ctx = contextFor(context)
    if (completer !== undefined) {
      const resolved = request.context?.arguments ?? {}
      values = await completer(request.argument.value, { arguments: resolved, request: ctx })
    } else if (fallback !== undefined) {
      values = await fallback(request, ctx)
    }
  } catch (error) {
    throw asProtocolError(context, 'completion/complete', error)
  }
  const result = shapeFor(context, { completion: toCompletion(values) })
  const invalid = invalidResult(context, 'completion/complete', result)
  if (invalid === undefined) return result
  const error = new Error(`Completion produced an invalid result: ${invalid}`)
  throw asProtocolError(context, 'completion/complete', error)
}
