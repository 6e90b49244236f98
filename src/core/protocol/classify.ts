/**
 * A hand-written structural check that sorts a parsed value into a JSON-RPC message kind. It runs on
 * every incoming message, so it allocates nothing and reads each member once; the descriptive
 * {@link describeInvalid} runs only on the rare invalid path.
 */
import type { JsonRpcErrorObject } from '../errors/protocol-error.ts'
import type { JsonRpcId } from './messages.ts'

/**
 * What a parsed value is: `request`, `notification`, `result` (a success response), `error` (an error
 * response) or `invalid` (anything that is not valid JSON-RPC 2.0 as MCP uses it).
 */
export type MessageKind = 'request' | 'notification' | 'result' | 'error' | 'invalid'

type Fields = Readonly<Record<string, unknown>>

/** Whether `value` is a valid request id: a string or a safe integer (never null, a fraction or a boolean). */
export function isJsonRpcId(value: unknown): value is JsonRpcId {
  return typeof value === 'string' || Number.isSafeInteger(value)
}

/**
 * Classifies one parsed value (not a batch: check `Array.isArray` first).
 *
 * @example
 * classifyMessage({ jsonrpc: '2.0', id: 1, method: 'ping' }) // 'request'
 * classifyMessage({ jsonrpc: '2.0', id: 1.5, method: 'ping' }) // 'invalid'
 */
export function classifyMessage(value: unknown): MessageKind {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'invalid'
  const message = value as Fields
  if (message.jsonrpc !== '2.0') return 'invalid'
  const method = message.method
  const result = message.result
  const error = message.error
  const id = message.id
  if (method !== undefined) {
    if (typeof method !== 'string' || result !== undefined || error !== undefined) return 'invalid'
    if (!isParams(message.params)) return 'invalid'
    if (id === undefined) return 'notification'
    return isJsonRpcId(id) ? 'request' : 'invalid'
  }
  if (result !== undefined) return error === undefined && isJsonRpcId(id) ? 'result' : 'invalid'
  if (error === undefined || !isJsonRpcErrorObject(error)) return 'invalid'
  return id === undefined || id === null || isJsonRpcId(id) ? 'error' : 'invalid'
}

/** Why {@link classifyMessage} said `invalid`, and the id to answer with (`null` if unreadable). */
export interface InvalidMessage {
  readonly id: JsonRpcId | null
  readonly message: string
}

/** Explains an `invalid` classification. Only called on the error path. */
export function describeInvalid(value: unknown): InvalidMessage {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { id: null, message: 'Invalid Request: a message must be a JSON object' }
  }
  const message = value as Fields
  const id = isJsonRpcId(message.id) ? message.id : null
  return { id, message: `Invalid Request: ${explain(message)}` }
}

function explain(message: Fields): string {
  if (message.jsonrpc !== '2.0') return '"jsonrpc" must be "2.0"'
  const badId = '"id" must be a string or an integer'
  if (message.method !== undefined) {
    if (typeof message.method !== 'string') return '"method" must be a string'
    if (message.result !== undefined || message.error !== undefined) {
      return 'a request or notification cannot carry "result" or "error"'
    }
    if (!isParams(message.params)) return '"params" must be an object'
    return badId
  }
  if (message.result !== undefined) {
    return message.error === undefined ? badId : 'a response cannot carry both "result" and "error"'
  }
  if (message.error === undefined) return 'a message needs "method", "result" or "error"'
  if (isJsonRpcErrorObject(message.error)) return badId
  return '"error" must be an object with an integer "code" and a string "message"'
}

function isParams(value: unknown): boolean {
  return (
    value === undefined || (typeof value === 'object' && value !== null && !Array.isArray(value))
  )
}

/** Whether `value` is a JSON-RPC error object: an integer `code` and a string `message`. */
export function isJsonRpcErrorObject(value: unknown): value is JsonRpcErrorObject {
  if (typeof value !== 'object' || value === null) return false
  const error = value as Fields
  return Number.isInteger(error.code) && typeof error.message === 'string'
}

/**
 * The JSON-RPC error object a response body carries, if it carries one. `body` is parsed first
 * when it is text; text that is not JSON carries none.
 *
 * @example
 * jsonRpcErrorOfBody('{"jsonrpc":"2.0","error":{"code":-32600,"message":"Bad"}}') // { code: -32600, message: 'Bad' }
 * jsonRpcErrorOfBody('Bad Request') // undefined
 */
export function jsonRpcErrorOfBody(body: unknown): JsonRpcErrorObject | undefined {
  const error = (parseBodyText(body) as { error?: unknown } | null | undefined)?.error
  return isJsonRpcErrorObject(error) ? error : undefined
}

/** `body` as given, or parsed when it is text: `undefined` for text that is not JSON. */
export function parseBodyText(body: unknown): unknown {
  if (typeof body !== 'string') return body
  try {
    return JSON.parse(body)
  } catch {
    return undefined
  }
}
