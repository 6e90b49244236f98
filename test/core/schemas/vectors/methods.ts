import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../../../../src/core/eras/versions.ts'
import { MESSAGE_TYPE_GROUPS } from './message-types.ts'

/** The `method` literal of every request and notification type, as schema.ts declares it. */
export const METHOD_OF: Readonly<Record<string, string>> = {
  PingRequest: 'ping',
  InitializeRequest: 'initialize',
  CompleteRequest: 'completion/complete',
  SetLevelRequest: 'logging/setLevel',
  GetPromptRequest: 'prompts/get',
  ListPromptsRequest: 'prompts/list',
  ListResourcesRequest: 'resources/list',
  ListResourceTemplatesRequest: 'resources/templates/list',
  ReadResourceRequest: 'resources/read',
  SubscribeRequest: 'resources/subscribe',
  UnsubscribeRequest: 'resources/unsubscribe',
  CallToolRequest: 'tools/call',
  ListToolsRequest: 'tools/list',
  CreateMessageRequest: 'sampling/createMessage',
  ListRootsRequest: 'roots/list',
  ElicitRequest: 'elicitation/create',
  GetTaskRequest: 'tasks/get',
  GetTaskPayloadRequest: 'tasks/result',
  ListTasksRequest: 'tasks/list',
  CancelTaskRequest: 'tasks/cancel',
  DiscoverRequest: 'server/discover',
  SubscriptionsListenRequest: 'subscriptions/listen',
  CancelledNotification: 'notifications/cancelled',
  ProgressNotification: 'notifications/progress',
  InitializedNotification: 'notifications/initialized',
  RootsListChangedNotification: 'notifications/roots/list_changed',
  LoggingMessageNotification: 'notifications/message',
  ResourceUpdatedNotification: 'notifications/resources/updated',
  ResourceListChangedNotification: 'notifications/resources/list_changed',
  ToolListChangedNotification: 'notifications/tools/list_changed',
  PromptListChangedNotification: 'notifications/prompts/list_changed',
  ElicitationCompleteNotification: 'notifications/elicitation/complete',
  TaskStatusNotification: 'notifications/tasks/status',
  SubscriptionsAcknowledgedNotification: 'notifications/subscriptions/acknowledged',
}

/** What the method registry must say about one method. */
export interface ExpectedMethod {
  readonly kind: 'request' | 'notification'
  readonly from: 'client' | 'server' | 'both'
}

function methodsOf(revision: ProtocolRevision): Readonly<Record<string, ExpectedMethod>> {
  const groups = MESSAGE_TYPE_GROUPS[revision]
  const out: Record<string, ExpectedMethod> = {}
  const add = (
    types: readonly string[],
    kind: ExpectedMethod['kind'],
    side: 'client' | 'server',
  ) => {
    for (const type of types) {
      const method = METHOD_OF[type]
      if (method === undefined) throw new Error(`no method literal recorded for ${type}`)
      const seen = out[method]
      out[method] = { kind, from: seen && seen.from !== side ? 'both' : side }
    }
  }
  add(groups.clientRequests, 'request', 'client')
  add(groups.serverRequests, 'request', 'server')
  add(groups.clientNotifications, 'notification', 'client')
  add(groups.serverNotifications, 'notification', 'server')
  return out
}

/**
 * The methods of each revision's ClientRequest, ServerRequest, ClientNotification and
 * ServerNotification unions, with who may send them.
 */
export const METHODS: Readonly<Record<ProtocolRevision, Readonly<Record<string, ExpectedMethod>>>> =
  Object.fromEntries(PROTOCOL_REVISIONS.map((r) => [r, methodsOf(r)])) as Record<
    ProtocolRevision,
    Readonly<Record<string, ExpectedMethod>>
  >
