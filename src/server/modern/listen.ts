/**
 * `subscriptions/listen` (SPEC §3.5): a POST whose SSE reply stays open. It starts with
 * `notifications/subscriptions/acknowledged` naming the subset of the filter this server honours,
 * then carries only those notification types, each tagged with the listen request's id. At shutdown
 * the server ends it gracefully with a `complete` result.
 */

import { ProtocolError } from '../../core/errors/protocol-error.ts'
import { type JsonRpcId, resultResponse } from '../../core/protocol/messages.ts'
import { SUBSCRIPTION_ID_META_KEY } from '../../core/schemas/meta-keys.ts'
import { SseStream } from '../../core/sse/writer.ts'
import type { ListenFilter, ServerContext } from '../http/context.ts'
import { errorReply, type MessageFields, type PostInput } from '../http/post-input.ts'
import { type Answer, sseResponse } from '../http/responses.ts'
import type { BusEvent } from './bus.ts'
import { isObject } from './meta.ts'

const LIST_FLAGS = {
  tools: 'toolsListChanged',
  prompts: 'promptsListChanged',
  resources: 'resourcesListChanged',
} as const

/**
 * Opens a listen stream for a checked modern request.
 *
 * @example
 * if (method === 'subscriptions/listen') return serveListen(context, { input, id, params, revision })
 */
export function serveListen(
  context: ServerContext,
  listen: {
    readonly input: PostInput
    readonly id: JsonRpcId
    readonly params: MessageFields | undefined
  },
): Answer {
  const { input, id } = listen
  const requested = readFilter(listen.params?.notifications)
  if (requested === undefined) {
    const error = ProtocolError.invalidParams(
      'Invalid params: `notifications` must be an object of booleans and a `resourceSubscriptions` string array',
    )
    return errorReply(200, id, error)
  }
  const honoured = context.target.listenFilter(requested)
  const tag = { [SUBSCRIPTION_ID_META_KEY]: id }
  const sse = new SseStream()
  input.slot.keep()
  send(sse, {
    jsonrpc: '2.0',
    method: 'notifications/subscriptions/acknowledged',
    params: { _meta: tag, notifications: honoured },
  })
  const watched = new Set(honoured.resourceSubscriptions)
  const detach = context.fanout.add({
    deliver: (event) => {
      const notification = toNotification(event, { honoured, watched, tag })
      if (notification !== undefined) send(sse, notification)
    },
  })
  context.streams.add(sse, {
    kind: 'listen',
    era: 'modern',
    shutdown: () => send(sse, resultResponse(id, { resultType: 'complete', _meta: tag })),
    onClosed: () => {
      detach()
      input.slot.release()
    },
  })
  return sseResponse(sse)
}

function send(sse: SseStream, message: unknown): void {
  sse.send({ data: JSON.stringify(message) })
}

/** The filter, or `undefined` when it is malformed. */
function readFilter(value: unknown): ListenFilter | undefined {
  if (!isObject(value)) return undefined
  const filter: {
    toolsListChanged?: boolean
    promptsListChanged?: boolean
    resourcesListChanged?: boolean
    resourceSubscriptions?: string[]
  } = {}
  for (const flag of Object.values(LIST_FLAGS)) {
    const on = value[flag]
    if (on === undefined) continue
    if (typeof on !== 'boolean') return undefined
    filter[flag] = on
  }
  const uris = value.resourceSubscriptions
  if (uris !== undefined) {
    if (!Array.isArray(uris) || !uris.every((uri) => typeof uri === 'string')) return undefined
    filter.resourceSubscriptions = [...new Set(uris as string[])]
  }
  return filter
}

function toNotification(
  event: BusEvent,
  stream: {
    honoured: ListenFilter
    watched: ReadonlySet<string>
    tag: Readonly<Record<string, JsonRpcId>>
  },
): object | undefined {
  if (event.type === 'list_changed') {
    if (stream.honoured[LIST_FLAGS[event.kind]] !== true) return undefined
    return {
      jsonrpc: '2.0',
      method: `notifications/${event.kind}/list_changed`,
      params: { _meta: stream.tag },
    }
  }
  // A 2026-07-28 client gets log messages inside its own requests only (at their `logLevel`).
  if (event.type === 'log' || !stream.watched.has(event.uri)) return undefined
  return {
    jsonrpc: '2.0',
    method: 'notifications/resources/updated',
    params: { _meta: stream.tag, uri: event.uri },
  }
}
