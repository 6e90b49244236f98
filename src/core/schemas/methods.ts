/**
 * The request methods of each revision: who sends them and which schema.ts types describe the
 * message and its result. Notification methods are in `notification-methods.ts`, which only the full
 * set reads (a client validates no notification). The `ClientRequest`, `ServerRequest`,
 * `ClientNotification`, `ServerNotification`, `ClientResult` and `ServerResult` unions are derived
 * from both tables.
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

/** One revision's changes to a method table: new or changed methods, and removed ones. */
export type MethodChanges = Readonly<Record<string, MethodSpec | typeof REMOVED>>

/** A method table: each revision's changes to the previous revision's methods. */
export type MethodTable = Readonly<Record<ProtocolRevision, MethodChanges>>

/**
 * Makes requests sent by `from` whose schema.ts types are `<name>Request` and, unless `result` names
 * another type, `<name>Result` (schema.ts names almost every request pair so).
 */
function requestsFrom(from: MethodSpec['from']) {
  return (name: string, result = `${name}Result`): MethodSpec => ({
    kind: 'request',
    from,
    message: `${name}Request`,
    result,
  })
}

/** A request of `ClientRequest`. */
const clientRequest = requestsFrom('client')
/** A request of `ServerRequest`. */
const serverRequest = requestsFrom('server')
/** A request of both `ClientRequest` and `ServerRequest`. */
const sharedRequest = requestsFrom('both')

/** The request methods of each revision. */
export const REQUEST_METHODS: MethodTable = {
  '2024-11-05': {
    initialize: clientRequest('Initialize'),
    ping: sharedRequest('Ping', 'EmptyResult'),
    'completion/complete': clientRequest('Complete'),
    'logging/setLevel': clientRequest('SetLevel', 'EmptyResult'),
    'prompts/get': clientRequest('GetPrompt'),
    'prompts/list': clientRequest('ListPrompts'),
    'resources/list': clientRequest('ListResources'),
    'resources/templates/list': clientRequest('ListResourceTemplates'),
    'resources/read': clientRequest('ReadResource'),
    'resources/subscribe': clientRequest('Subscribe', 'EmptyResult'),
    'resources/unsubscribe': clientRequest('Unsubscribe', 'EmptyResult'),
    'tools/call': clientRequest('CallTool'),
    'tools/list': clientRequest('ListTools'),
    'sampling/createMessage': serverRequest('CreateMessage'),
    'roots/list': serverRequest('ListRoots'),
  },
  '2025-03-26': {},
  '2025-06-18': {
    'elicitation/create': serverRequest('Elicit'),
  },
  '2025-11-25': {
    'tools/call': clientRequest('CallTool', '~CallToolOutcome'),
    'sampling/createMessage': serverRequest('CreateMessage', '~CreateMessageOutcome'),
    'elicitation/create': serverRequest('Elicit', '~ElicitOutcome'),
    'tasks/get': sharedRequest('GetTask'),
    'tasks/result': sharedRequest('GetTaskPayload'),
    'tasks/list': sharedRequest('ListTasks'),
    'tasks/cancel': sharedRequest('CancelTask'),
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
    'server/discover': clientRequest('Discover'),
    'subscriptions/listen': clientRequest('SubscriptionsListen'),
    'tools/call': clientRequest('CallTool', '~CallToolOutcome'),
    'prompts/get': clientRequest('GetPrompt', '~GetPromptOutcome'),
    'resources/read': clientRequest('ReadResource', '~ReadResourceOutcome'),
  },
}

/**
 * Applies one revision's changes from each of `tables` (in order) to the previous revision's
 * methods.
 */
export function deriveMethods(
  parent: MethodSpecs,
  revision: ProtocolRevision,
  tables: readonly MethodTable[],
): MethodSpecs {
  const methods: Record<string, MethodSpec> = { ...parent }
  for (const table of tables) {
    for (const [name, spec] of Object.entries(table[revision])) {
      if (spec === REMOVED) delete methods[name]
      else methods[name] = spec
    }
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
