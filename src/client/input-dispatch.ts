/**
 * Runs the app's elicitation, sampling and roots handlers for both eras: as answers to legacy
 * server→client requests, and as `inputResponses` to a modern `input_required` result. Also
 * derives the client capabilities the handlers declare.
 *
 * @internal
 */
import type { ProtocolEra, ProtocolRevision } from '../core/eras/versions.ts'
import { JsonRpcErrorCode } from '../core/errors/codes.ts'
import { ProtocolError } from '../core/errors/protocol-error.ts'
import type { RequestContext } from '../core/protocol/request-context.ts'
import type { InputContext, InputHandlers } from './input-types.ts'
import type { JsonObject } from './result-types.ts'
import { isSchemaValidationError } from './schema-validation-error.ts'
import { validateHandlerResult, validateRequestParams } from './validate-result.ts'

/** The methods a server may ask the client to answer. */
export const INPUT_METHODS = ['elicitation/create', 'sampling/createMessage', 'roots/list'] as const

/**
 * The capabilities the registered handlers declare, merged under the app's own `capabilities`
 * (which win, e.g. `elicitation: { form: {}, url: {} }`). Legacy roots also announce `listChanged`.
 */
export function declaredCapabilities(
  options: { readonly handlers: InputHandlers; readonly capabilities: JsonObject },
  era: ProtocolEra,
): JsonObject {
  const { handlers } = options
  const declared: JsonObject = {}
  if (handlers.roots !== undefined) declared.roots = era === 'legacy' ? { listChanged: true } : {}
  if (handlers.sampling !== undefined) declared.sampling = {}
  if (handlers.elicitation !== undefined) declared.elicitation = {}
  return { ...declared, ...options.capabilities }
}

/** Where one answer is computed. */
export interface InputCall {
  readonly method: string
  readonly params: unknown
  readonly revision: ProtocolRevision
  readonly context: InputContext
}

/**
 * Answers one input request with the app's handler. Throws a `ProtocolError` (`-32601` when no
 * handler is registered for it, `-32602` when the server's params are invalid) and a
 * `SchemaValidationError` when the handler's answer does not fit the revision.
 */
export async function answerInput(handlers: InputHandlers, call: InputCall): Promise<unknown> {
  const { method, revision } = call
  try {
    validateRequestParams(revision, method, call.params)
  } catch (error) {
    if (isSchemaValidationError(error)) throw ProtocolError.invalidParams(error.message)
    throw error
  }
  const result = await runHandler(handlers, call)
  validateHandlerResult(revision, method, result)
  return result
}

async function runHandler(handlers: InputHandlers, call: InputCall): Promise<unknown> {
  const { method, context } = call
  const params = (call.params ?? {}) as never
  if (method === 'elicitation/create' && handlers.elicitation !== undefined) {
    return handlers.elicitation(params, context)
  }
  if (method === 'sampling/createMessage' && handlers.sampling !== undefined) {
    return handlers.sampling(params, context)
  }
  if (method === 'roots/list' && handlers.roots !== undefined) {
    return { roots: await handlers.roots(context) }
  }
  const message = `Method not found: ${method} (no handler is registered)`
  throw new ProtocolError(JsonRpcErrorCode.MethodNotFound, message)
}

/**
 * The engine's handler for server→client requests in the legacy era: `ping`, and the three input
 * methods through the app's handlers. Anything else is `-32601`.
 */
export function serverRequestHandler(
  handlers: InputHandlers,
  session: () => { era: ProtocolEra; revision: ProtocolRevision },
): (request: RequestContext) => Promise<unknown> {
  return async (request) => {
    const { era, revision } = session()
    if (request.method === 'ping' && era === 'legacy') return {}
    // Modern servers never send requests (MRTR replaced them).
    if (era === 'modern' || !(INPUT_METHODS as readonly string[]).includes(request.method)) {
      throw ProtocolError.methodNotFound(request.method)
    }
    return answerInput(handlers, {
      method: request.method,
      params: request.params ?? {},
      revision,
      context: { signal: request.signal, era: 'legacy' },
    })
  }
}
