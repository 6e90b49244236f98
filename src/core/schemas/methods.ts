/**
 * The request and notification methods of each revision: who sends them and which schema.ts types
 * describe the message and its result. The `ClientRequest`, `ServerRequest`, `ClientNotification`,
 * `ServerNotification`, `ClientResult` and `ServerResult` unions are derived from these tables.
 */
import type { ProtocolRevision } from '../eras/versions.ts'
import { anyOf, oneOf } from './base.ts'
import { type DefChanges, REMOVED, type TypeDef } from './registry.ts'

/** One method as a revision defines it, by type names. */
export interface MethodSpec {
  readonly kind: 'request' | 'notification'
  /** Who may send it. */
  readonly from: 'client' | 'server' | 'both'
  /** The `*Request` or `*Notification` type. */
  readonly message: string
  /** For requests: the result type (an internal `~…Outcome` union where several are allowed). */
  readonly result?: string
}

/** A revision's methods, by method name. */
export type MethodSpecs = Readonly<Record<string, MethodSpec>>

type MethodChanges = Readonly<Record<string, MethodSpec | typeof REMOVED>>

const request = (from: MethodSpec['from'], message: string, result: string): MethodSpec => ({
  kind: 'request',
  from,
  message,
  result,
})
const notification = (from: MethodSpec['from'], message: string): MethodSpec => ({
  kind: 'notification',
  from,
  message,
})

const CHANGES: Readonly<Record<ProtocolRevision, MethodChanges>> = {
  '2024-11-05': {
    initialize: request('client', 'InitializeRequest', 'InitializeResult'),
    ping: request('both', 'PingRequest', 'EmptyResult'),
    'completion/complete': request('client', 'CompleteRequest', 'CompleteResult'),
    'logging/setLevel': request('client', 'SetLevelRequest', 'EmptyResult'),
    'prompts/get': request('client', 'GetPromptRequest', 'GetPromptResult'),
    'prompts/list': request('client', 'ListPromptsRequest', 'ListPromptsResult'),
    'resources/list': request('client', 'ListResourcesRequest', 'ListResourcesResult'),
    'resources/templates/list': request(
      'client',
      'ListResourceTemplatesRequest',
      'ListResourceTemplatesResult',
    ),
    'resources/read': request('client', 'ReadResourceRequest', 'ReadResourceResult'),
    'resources/subscribe': request('client', 'SubscribeRequest', 'EmptyResult'),
    'resources/unsubscribe': request('client', 'UnsubscribeRequest', 'EmptyResult'),
    'tools/call': request('client', 'CallToolRequest', 'CallToolResult'),
    'tools/list': request('client', 'ListToolsRequest', 'ListToolsResult'),
    'sampling/createMessage': request('server', 'CreateMessageRequest', 'CreateMessageResult'),
    'roots/list': request('server', 'ListRootsRequest', 'ListRootsResult'),
    'notifications/cancelled': notification('both', 'CancelledNotification'),
    'notifications/progress': notification('both', 'ProgressNotification'),
    'notifications/initialized': notification('client', 'InitializedNotification'),
    'notifications/roots/list_changed': notification('client', 'RootsListChangedNotification'),
    'notifications/message': notification('server', 'LoggingMessageNotification'),
    'notifications/resources/updated': notification('server', 'ResourceUpdatedNotification'),
    'notifications/resources/list_changed': notification(
      'server',
      'ResourceListChangedNotification',
    ),
    'notifications/tools/list_changed': notification('server', 'ToolListChangedNotification'),
    'notifications/prompts/list_changed': notification('server', 'PromptListChangedNotification'),
  },
  '2025-03-26': {},
  '2025-06-18': {
    'elicitation/create': request('server', 'ElicitRequest', 'ElicitResult'),
  },
  '2025-11-25': {
    'tools/call': request('client', 'CallToolRequest', '~CallToolOutcome'),
    'sampling/createMessage': request('server', 'CreateMessageRequest', '~CreateMessageOutcome'),
    'elicitation/create': request('server', 'ElicitRequest', '~ElicitOutcome'),
    'tasks/get': request('both', 'GetTaskRequest', 'GetTaskResult'),
    'tasks/result': request('both', 'GetTaskPayloadRequest', 'GetTaskPayloadResult'),
    'tasks/list': request('both', 'ListTasksRequest', 'ListTasksResult'),
    'tasks/cancel': request('both', 'CancelTaskRequest', 'CancelTaskResult'),
    'notifications/tasks/status': notification('both', 'TaskStatusNotification'),
    'notifications/elicitation/complete': notification('server', 'ElicitationCompleteNotification'),
  },
  '2026-07-28': {
    initialize: REMOVED,
    ping: REMOVED,
    'logging/setLevel': REMOVED,
    'resources/subscribe': REMOVED,
    'resources/unsubscribe': REMOVED,
    'sampling/createMessage': REMOVED,
    'roots/list': REMOVED,
    'elicitation/create': REMOVED,
    'tasks/get': REMOVED,
    'tasks/result': REMOVED,
    'tasks/list': REMOVED,
    'tasks/cancel': REMOVED,
    'notifications/initialized': REMOVED,
    'notifications/roots/list_changed': REMOVED,
    'notifications/tasks/status': REMOVED,
    'notifications/elicitation/complete': REMOVED,
    'server/discover': request('client', 'DiscoverRequest', 'DiscoverResult'),
    'subscriptions/listen': request(
      'client',
      'SubscriptionsListenRequest',
      'SubscriptionsListenResult',
    ),
    'tools/call': request('client', 'CallToolRequest', '~CallToolOutcome'),
    'prompts/get': request('client', 'GetPromptRequest', '~GetPromptOutcome'),
    'resources/read': request('client', 'ReadResourceRequest', '~ReadResourceOutcome'),
    'notifications/progress': notification('server', 'ProgressNotification'),
    'notifications/subscriptions/acknowledged': notification(
      'server',
      'SubscriptionsAcknowledgedNotification',
    ),
  },
}

/** Applies one revision's method changes to the previous revision's methods. */
export function deriveMethods(parent: MethodSpecs, revision: ProtocolRevision): MethodSpecs {
  const methods: Record<string, MethodSpec> = { ...parent }
  for (const [name, spec] of Object.entries(CHANGES[revision])) {
    if (spec === REMOVED) delete methods[name]
    else methods[name] = spec
  }
  return methods
}

/** Whether `spec` may be sent by `side`. */
function sentBy(spec: MethodSpec, side: 'client' | 'server'): boolean {
  return spec.from === side || spec.from === 'both'
}

/** The message types of the methods `side` may send, of one kind. */
function messagesOf(specs: MethodSpecs, kind: MethodSpec['kind'], side: 'client' | 'server') {
  return Object.values(specs)
    .filter((spec) => spec.kind === kind && sentBy(spec, side))
    .map((spec) => spec.message)
}

/** The result types the other side answers `side`'s requests with, `EmptyResult` first. */
function resultsFor(specs: MethodSpecs, side: 'client' | 'server'): string[] {
  const results = new Set(['EmptyResult'])
  for (const spec of Object.values(specs)) {
    if (spec.kind === 'request' && sentBy(spec, side) && spec.result !== undefined) {
      results.add(spec.result)
    }
  }
  return [...results]
}

/** A union of message types by `method`, or the removal of the union when there are none. */
function methodUnion(names: readonly string[]): TypeDef | typeof REMOVED {
  if (names.length === 0) return REMOVED
  return oneOf('method', names)
}

/**
 * The six message unions of schema.ts for a revision's methods. Their members are exactly the
 * revision's methods; each result union starts with the open `EmptyResult`.
 */
export function unionDefs(specs: MethodSpecs): DefChanges {
  const clientResults = resultsFor(specs, 'server')
  return {
    ClientRequest: methodUnion(messagesOf(specs, 'request', 'client')),
    ServerRequest: methodUnion(messagesOf(specs, 'request', 'server')),
    ClientNotification: methodUnion(messagesOf(specs, 'notification', 'client')),
    ServerNotification: methodUnion(messagesOf(specs, 'notification', 'server')),
    ClientResult: clientResults.length === 1 ? (t) => t('EmptyResult') : anyOf(clientResults),
    ServerResult: anyOf(resultsFor(specs, 'client')),
  }
}
