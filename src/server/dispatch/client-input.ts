/**
 * How handlers get input from the client. Legacy era: a server→client request on the request's
 * stream. 2026-07-28: the answers of earlier rounds, or a note that the round needs input (see
 * `input-round.ts`). Requests and answers are validated against the revision's schemas, so a
 * handler can never make the server send an invalid message.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { McpkitError } from '../../core/errors/base.ts'
import { ErrorCode } from '../../core/errors/codes.ts'
import { isProtocolError } from '../../core/errors/guards.ts'
import { schemasFor } from '../../core/schemas/revisions.ts'
import { validateWith } from '../../core/schemas/validate.ts'
import type { InputOptions } from '../registry/context-types.ts'
import { type InputMethod, missingCapability } from './client-capabilities.ts'
import type { RequestScope } from './scope.ts'

/** Asks the client for input on behalf of a handler. */
export interface InputBroker {
  ask(
    method: InputMethod,
    params: Readonly<Record<string, unknown>>,
    options: InputOptions | undefined,
  ): Promise<unknown>
}

/** The schema.ts types of each input request and its answer. */
export const INPUT_TYPES: Readonly<Record<InputMethod, { request: string; result: string }>> = {
  'elicitation/create': { request: 'ElicitRequest', result: 'ElicitResult' },
  'sampling/createMessage': { request: 'CreateMessageRequest', result: 'CreateMessageResult' },
  'roots/list': { request: 'ListRootsRequest', result: 'ListRootsResult' },
}

/** A local failure of a handler's request for input (answered as a tool error). */
export function inputError(message: string, cause?: unknown): McpkitError {
  return new McpkitError(ErrorCode.Protocol, message, cause === undefined ? {} : { cause })
}

/** A promise that rejects with `error` without ever being reported as unhandled. */
export function rejected<TValue>(error: unknown): Promise<TValue> {
  const promise = Promise.reject<TValue>(error)
  promise.catch(() => undefined)
  return promise
}

/** Legacy era: input through server→client requests on the request's stream. */
export class LegacyInputBroker implements InputBroker {
  readonly #scope: RequestScope

  constructor(scope: RequestScope) {
    this.#scope = scope
  }

  async ask(
    method: InputMethod,
    params: Readonly<Record<string, unknown>>,
    options: InputOptions | undefined,
  ): Promise<unknown> {
    const { revision, channel, clientCapabilities, signal } = this.#scope
    const schemas = schemasFor(revision).methods[method]
    if (schemas?.result === undefined) {
      throw inputError(`${method} does not exist in protocol revision ${revision}`)
    }
    const required = missingCapability(method, params, clientCapabilities)
    if (required !== undefined) {
      throw inputError(
        `The client did not declare the capability ${method} needs: ${JSON.stringify(required)}`,
      )
    }
    if (channel.request === undefined) {
      throw inputError(`This transport cannot send ${method} to the client`)
    }
    const checked = validateWith(schemas.params, params)
    if (!checked.ok) throw inputError(`Invalid ${method} params: ${checked.message}`)
    const timeoutMs = options?.timeoutMs
    const result = await channel
      .request(method, params, timeoutMs === undefined ? { signal } : { signal, timeoutMs })
      .catch((error: unknown) => {
        // The client's error answers the server's request, not the client's: it must not become
        // the JSON-RPC error of the request being served.
        if (!isProtocolError(error)) throw error
        throw inputError(
          `The client answered ${method} with error ${error.code}: ${error.message}`,
          error,
        )
      })
    const answer = validateWith(schemas.result, result)
    if (!answer.ok)
      throw inputError(`The client answered ${method} with an invalid result: ${answer.message}`)
    return result
  }
}

/** 2026-07-28 requests that may not ask for input (only tools/call, prompts/get, resources/read may). */
export class NoInputBroker implements InputBroker {
  readonly #method: string

  constructor(method: string) {
    this.#method = method
  }

  ask(method: InputMethod): Promise<unknown> {
    return rejected(inputError(`${this.#method} cannot ask the client for input (${method})`))
  }
}

/** Validates an input request as `revision`'s `inputRequests` entry; the message when invalid. */
export function invalidInputRequest(
  revision: ProtocolRevision,
  request: { readonly method: InputMethod; readonly params: unknown },
): string | undefined {
  const schema = schemasFor(revision).types[INPUT_TYPES[request.method].request]
  if (schema === undefined) return `${request.method} has no schema in ${revision}`
  const result = validateWith(schema, request)
  return result.ok ? undefined : result.message
}

/** Validates an input response as `revision`'s answer to `method`; the message when invalid. */
export function invalidInputResponse(
  revision: ProtocolRevision,
  method: InputMethod,
  answer: unknown,
): string | undefined {
  const schema = schemasFor(revision).types[INPUT_TYPES[method].result]
  if (schema === undefined) return `${method} has no schema in ${revision}`
  const result = validateWith(schema, answer)
  return result.ok ? undefined : result.message
}
