/**
 * One round of a 2026-07-28 multi round-trip request, seen from the handler. The handler runs on
 * every round (the first request and each retry). When it asks for input, the collector answers
 * from the responses the client sent (this round's `inputResponses` and the earlier rounds' answers
 * carried in `requestState`); an unanswered request is recorded and its promise rejects, so the
 * handler stops. Requests made before the handler stops (several `ctx.*` calls started together)
 * all land in the same `InputRequiredResult`. Keys default to the call order, so a handler that asks
 * in the same order on every run finds its answers under the same keys.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ProtocolError } from '../../core/errors/protocol-error.ts'
import type { InputOptions } from '../registry/context-types.ts'
import {
  type InputMethod,
  missingCapability,
  missingCapabilityError,
} from './client-capabilities.ts'
import {
  type InputBroker,
  inputError,
  invalidInputRequest,
  invalidInputResponse,
  rejected,
} from './client-input.ts'

/** The most input requests one round may collect (a guard against runaway handlers). */
const MAX_REQUESTS_PER_ROUND = 64

const KEY_PREFIX: Readonly<Record<InputMethod, string>> = {
  'elicitation/create': 'elicit',
  'sampling/createMessage': 'sample',
  'roots/list': 'roots',
}

/** Why a handler stopped: it needs input the client has not given yet. Never reaches a client. */
export class InputRequiredSignal extends Error {
  override readonly name = 'InputRequiredSignal'

  constructor(key: string) {
    super(`Waiting for client input "${key}"`)
  }
}

/** What {@link InputRoundCollector} starts from. */
export interface InputRoundOptions {
  readonly revision: ProtocolRevision
  readonly clientCapabilities: Readonly<Record<string, unknown>>
  /** Answers by key: this round's `inputResponses` and the earlier rounds' answers. */
  readonly answers: Readonly<Record<string, unknown>>
}

/** Collects one round's input requests and hands out the answers already given. */
export class InputRoundCollector implements InputBroker {
  /** Unanswered requests by key, in call order: this round's `inputRequests`. */
  readonly pending = new Map<string, { method: InputMethod; params: Record<string, unknown> }>()
  /** Answers the handler used, by key: carried to the next round in `requestState`. */
  readonly used = new Map<string, unknown>()
  /** Set when the handler asked for something the client did not declare (`-32021`). */
  capabilityError: ProtocolError | undefined
  /** Set when an answer does not fit the request it answers (`-32602`). */
  answerError: ProtocolError | undefined
  readonly #options: InputRoundOptions
  #calls = 0

  constructor(options: InputRoundOptions) {
    this.#options = options
  }

  ask(
    method: InputMethod,
    params: Readonly<Record<string, unknown>>,
    options: InputOptions | undefined,
  ): Promise<unknown> {
    this.#calls++
    const key = options?.key ?? `${KEY_PREFIX[method]}-${this.#calls}`
    const required = missingCapability(method, params, this.#options.clientCapabilities)
    if (required !== undefined) {
      this.capabilityError ??= missingCapabilityError(required)
      return rejected(this.capabilityError)
    }
    const request = { method, params: { ...params } }
    const invalid = invalidInputRequest(this.#options.revision, request)
    if (invalid !== undefined) return rejected(inputError(`Invalid ${method} request: ${invalid}`))
    if (Object.hasOwn(this.#options.answers, key)) return this.#answer(key, method)
    if (!this.pending.has(key)) {
      if (this.pending.size >= MAX_REQUESTS_PER_ROUND) {
        return rejected(
          inputError(`More than ${MAX_REQUESTS_PER_ROUND} input requests in one round`),
        )
      }
      this.pending.set(key, request)
    }
    return rejected(new InputRequiredSignal(key))
  }

  #answer(key: string, method: InputMethod): Promise<unknown> {
    const answer = this.#options.answers[key]
    const invalid = invalidInputResponse(this.#options.revision, method, answer)
    if (invalid !== undefined) {
      this.answerError ??= ProtocolError.invalidParams(
        `inputResponses[${JSON.stringify(key)}] is not a valid answer to ${method}: ${invalid}`,
      )
      return rejected(this.answerError)
    }
    this.used.set(key, answer)
    return Promise.resolve(answer)
  }
}
