/**
 * From SSE events and POSTed bodies to JSON-RPC bookkeeping: which events carry messages, and which
 * responses the transport waits for before a POST's answer is complete.
 */
import type { JsonRpcId } from '../../core/protocol/messages.ts'
import type { SseItem } from './sse-reader.ts'

/** How much of an invalid `data` field is kept for events and errors. */
export const INVALID_DATA_PREVIEW_CHARS = 200

/** What one SSE event carries. */
export type DecodedEvent =
  | { readonly kind: 'none' }
  | { readonly kind: 'messages'; readonly messages: readonly unknown[] }
  | { readonly kind: 'invalid'; readonly preview: string; readonly cause: unknown }

/**
 * Decodes one SSE event. Only `message` events (no `event:` field, or `event: message`) carry
 * JSON-RPC; a priming event (an id with empty data) carries none. A JSON array is a 2025-03-26
 * batch and yields each element.
 */
export function decodeEvent(item: Extract<SseItem, { type: 'event' }>): DecodedEvent {
  if (item.event !== undefined && item.event !== 'message') return NONE
  if (item.data.trim() === '') return NONE
  try {
    const value: unknown = JSON.parse(item.data)
    return { kind: 'messages', messages: Array.isArray(value) ? value : [value] }
  } catch (cause) {
    return { kind: 'invalid', preview: item.data.slice(0, INVALID_DATA_PREVIEW_CHARS), cause }
  }
}

const NONE: DecodedEvent = { kind: 'none' }

/** The ids of the requests in a POSTed message or batch: the responses to wait for. */
export function requestIdsOf(message: unknown): Set<JsonRpcId> {
  const ids = new Set<JsonRpcId>()
  for (const item of Array.isArray(message) ? message : [message]) {
    if (!isRecord(item) || typeof item.method !== 'string') continue
    if (typeof item.id === 'string' || typeof item.id === 'number') ids.add(item.id)
  }
  return ids
}

/** The id a response answers, or `undefined` when `message` is not a response. */
export function answeredId(message: unknown): JsonRpcId | undefined {
  if (!isRecord(message) || 'method' in message) return undefined
  if (!('result' in message) && !('error' in message)) return undefined
  const { id } = message
  return typeof id === 'string' || typeof id === 'number' ? id : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
