import { PROTOCOL_REVISIONS, type ProtocolRevision } from '../../../../src/core/eras/versions.ts'

/**
 * The message types of one revision, grouped the way that revision's `schema/<rev>/schema.ts` groups
 * them. Every name is a type declared in that file.
 */
export interface RevisionMessageTypes {
  readonly clientRequests: readonly string[]
  /** 2026-07-28 has no `ServerRequest` union: servers ask for input through `InputRequiredResult`. */
  readonly serverRequests: readonly string[]
  readonly clientNotifications: readonly string[]
  readonly serverNotifications: readonly string[]
  readonly clientResults: readonly string[]
  readonly serverResults: readonly string[]
  /** JSON-RPC envelopes, under the names that revision uses (including batches in 2025-03-26). */
  readonly envelope: readonly string[]
  /** Error objects and typed error responses. */
  readonly errors: readonly string[]
  /** Other wire messages: 2026 `InputRequest`/`InputResponse` members, `*ResultResponse`s, tasks. */
  readonly other: readonly string[]
}

const LEGACY_CLIENT_REQUESTS = [
  'PingRequest',
  'InitializeRequest',
  'CompleteRequest',
  'SetLevelRequest',
  'GetPromptRequest',
  'ListPromptsRequest',
  'ListResourcesRequest',
  'ListResourceTemplatesRequest',
  'ReadResourceRequest',
  'SubscribeRequest',
  'UnsubscribeRequest',
  'CallToolRequest',
  'ListToolsRequest',
] as const

const LEGACY_CLIENT_NOTIFICATIONS = [
  'CancelledNotification',
  'ProgressNotification',
  'InitializedNotification',
  'RootsListChangedNotification',
] as const

const LEGACY_SERVER_NOTIFICATIONS = [
  'CancelledNotification',
  'ProgressNotification',
  'LoggingMessageNotification',
  'ResourceUpdatedNotification',
  'ResourceListChangedNotification',
  'ToolListChangedNotification',
  'PromptListChangedNotification',
] as const

const LEGACY_SERVER_RESULTS = [
  'EmptyResult',
  'InitializeResult',
  'CompleteResult',
  'GetPromptResult',
  'ListPromptsResult',
  'ListResourcesResult',
  'ListResourceTemplatesResult',
  'ReadResourceResult',
  'CallToolResult',
  'ListToolsResult',
] as const

const ENVELOPE_2024 = [
  'JSONRPCMessage',
  'JSONRPCRequest',
  'JSONRPCNotification',
  'JSONRPCResponse',
  'JSONRPCError',
] as const

const ENVELOPE_2025_11 = [
  'JSONRPCMessage',
  'JSONRPCRequest',
  'JSONRPCNotification',
  'JSONRPCResponse',
  'JSONRPCResultResponse',
  'JSONRPCErrorResponse',
] as const

const TASK_REQUESTS = [
  'GetTaskRequest',
  'GetTaskPayloadRequest',
  'ListTasksRequest',
  'CancelTaskRequest',
] as const

const TASK_RESULTS = [
  'GetTaskResult',
  'GetTaskPayloadResult',
  'ListTasksResult',
  'CancelTaskResult',
] as const

const R2024_11_05: RevisionMessageTypes = {
  clientRequests: LEGACY_CLIENT_REQUESTS,
  serverRequests: ['PingRequest', 'CreateMessageRequest', 'ListRootsRequest'],
  clientNotifications: LEGACY_CLIENT_NOTIFICATIONS,
  serverNotifications: LEGACY_SERVER_NOTIFICATIONS,
  clientResults: ['EmptyResult', 'CreateMessageResult', 'ListRootsResult'],
  serverResults: LEGACY_SERVER_RESULTS,
  envelope: ENVELOPE_2024,
  errors: [],
  other: [],
}

const R2025_03_26: RevisionMessageTypes = {
  ...R2024_11_05,
  envelope: [...ENVELOPE_2024, 'JSONRPCBatchRequest', 'JSONRPCBatchResponse'],
}

const R2025_06_18: RevisionMessageTypes = {
  ...R2024_11_05,
  serverRequests: ['PingRequest', 'CreateMessageRequest', 'ListRootsRequest', 'ElicitRequest'],
  clientResults: ['EmptyResult', 'CreateMessageResult', 'ListRootsResult', 'ElicitResult'],
}

const R2025_11_25: RevisionMessageTypes = {
  clientRequests: [...LEGACY_CLIENT_REQUESTS, ...TASK_REQUESTS],
  serverRequests: [
    'PingRequest',
    'CreateMessageRequest',
    'ListRootsRequest',
    'ElicitRequest',
    ...TASK_REQUESTS,
  ],
  clientNotifications: [...LEGACY_CLIENT_NOTIFICATIONS, 'TaskStatusNotification'],
  serverNotifications: [
    ...LEGACY_SERVER_NOTIFICATIONS,
    'ElicitationCompleteNotification',
    'TaskStatusNotification',
  ],
  clientResults: [
    'EmptyResult',
    'CreateMessageResult',
    'ListRootsResult',
    'ElicitResult',
    ...TASK_RESULTS,
  ],
  serverResults: [...LEGACY_SERVER_RESULTS, ...TASK_RESULTS],
  envelope: ENVELOPE_2025_11,
  errors: ['URLElicitationRequiredError'],
  other: ['CreateTaskResult'],
}

const R2026_07_28: RevisionMessageTypes = {
  clientRequests: [
    'DiscoverRequest',
    'CompleteRequest',
    'GetPromptRequest',
    'ListPromptsRequest',
    'ListResourcesRequest',
    'ListResourceTemplatesRequest',
    'ReadResourceRequest',
    'SubscriptionsListenRequest',
    'CallToolRequest',
    'ListToolsRequest',
  ],
  serverRequests: [],
  clientNotifications: ['CancelledNotification'],
  serverNotifications: [
    'CancelledNotification',
    'ProgressNotification',
    'LoggingMessageNotification',
    'ResourceUpdatedNotification',
    'ResourceListChangedNotification',
    'ToolListChangedNotification',
    'PromptListChangedNotification',
    'SubscriptionsAcknowledgedNotification',
  ],
  clientResults: ['EmptyResult'],
  serverResults: [
    'EmptyResult',
    'DiscoverResult',
    'CompleteResult',
    'GetPromptResult',
    'ListPromptsResult',
    'ListResourceTemplatesResult',
    'ListResourcesResult',
    'ReadResourceResult',
    'SubscriptionsListenResult',
    'CallToolResult',
    'ListToolsResult',
    'InputRequiredResult',
  ],
  envelope: ENVELOPE_2025_11,
  errors: [
    'ParseError',
    'InvalidRequestError',
    'MethodNotFoundError',
    'InvalidParamsError',
    'InternalError',
    'HeaderMismatchError',
    'UnsupportedProtocolVersionError',
    'MissingRequiredClientCapabilityError',
  ],
  other: [
    // InputRequest and InputResponse members: carried inside InputRequiredResult / inputResponses.
    'CreateMessageRequest',
    'ListRootsRequest',
    'ElicitRequest',
    'CreateMessageResult',
    'ListRootsResult',
    'ElicitResult',
    'DiscoverResultResponse',
    'ListResourcesResultResponse',
    'ListResourceTemplatesResultResponse',
    'ReadResourceResultResponse',
    'SubscriptionsListenResultResponse',
    'ListPromptsResultResponse',
    'GetPromptResultResponse',
    'ListToolsResultResponse',
    'CallToolResultResponse',
    'CompleteResultResponse',
  ],
}

/** The grouped message types of every revision. */
export const MESSAGE_TYPE_GROUPS: Readonly<Record<ProtocolRevision, RevisionMessageTypes>> = {
  '2024-11-05': R2024_11_05,
  '2025-03-26': R2025_03_26,
  '2025-06-18': R2025_06_18,
  '2025-11-25': R2025_11_25,
  '2026-07-28': R2026_07_28,
}

/** The message type names of `revision`, each once, in first-seen order. */
export function messageTypes(revision: ProtocolRevision): readonly string[] {
  const groups = MESSAGE_TYPE_GROUPS[revision]
  return [
    ...new Set([
      ...groups.clientRequests,
      ...groups.serverRequests,
      ...groups.clientNotifications,
      ...groups.serverNotifications,
      ...groups.clientResults,
      ...groups.serverResults,
      ...groups.envelope,
      ...groups.errors,
      ...groups.other,
    ]),
  ]
}

/**
 * Message types of other revisions that `revision` does not have (removed, or not yet added), e.g.
 * `PingRequest` in 2026-07-28 or `JSONRPCBatchRequest` outside 2025-03-26. No revision's schema.ts
 * declares another revision's message type without it being a message type there too (checked against
 * the five schema.ts files when this list was written), so "not listed" here means "not declared".
 */
export function absentTypes(revision: ProtocolRevision): readonly string[] {
  const own = new Set(messageTypes(revision))
  const everywhere = new Set(PROTOCOL_REVISIONS.flatMap((r) => messageTypes(r)))
  return [...everywhere].filter((name) => !own.has(name))
}
