/**
 * What only a server reads: the requests a client sends (`initialize`, `tools/call`, `prompts/get`,
 * `resources/read`, `server/discover`, `subscriptions/listen`, …), their params, and what they carry
 * (client capabilities, the 2026-07-28 request `_meta`, completion references). A client never
 * validates these, so its schema set leaves this file out (see `client-schemas.ts`).
 */

import {
  alias,
  anyOf,
  extend,
  extendBase,
  JsonObjectSchema,
  ListChangedCapabilitySchema,
  message,
  OpenObjectSchema,
  obj,
  oneOf,
  ProgressTokenSchema,
  paginatedRequest,
  rpcRequest,
  StringListSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import { experimental, modernExperimental } from './lifecycle.ts'
import { LoggingLevelSchema } from './logging.ts'
import {
  CLIENT_CAPABILITIES_META_KEY,
  CLIENT_INFO_META_KEY,
  LOG_LEVEL_META_KEY,
  PROGRESS_TOKEN_META_KEY,
  PROTOCOL_VERSION_META_KEY,
} from './meta-keys.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

/** A map of string values (prompt arguments, completion context). */
const StringMapSchema = z.record(z.string(), z.string())
const callToolFields = { name: z.string(), arguments: z.optional(OpenObjectSchema) }
const argument = obj({ name: z.string(), value: z.string() })
const context = obj({ arguments: z.optional(StringMapSchema) })
const getPromptFields = { name: z.string(), arguments: z.optional(StringMapSchema) }
const uriParams = () => obj({ uri: z.string() })

/** `tasks` of the 2025-11-25 client capabilities. */
function clientTasksCapability() {
  const flag = z.optional(OpenObjectSchema)
  return obj({
    list: flag,
    cancel: flag,
    requests: z.optional(
      obj({
        sampling: z.optional(obj({ createMessage: flag })),
        elicitation: z.optional(obj({ create: flag })),
      }),
    ),
  })
}

/** `ClientCapabilities` as 2025-11-25 defined it. */
function clientCapabilities2025() {
  return obj({
    experimental,
    roots: z.optional(ListChangedCapabilitySchema),
    sampling: z.optional(
      obj({
        context: z.optional(OpenObjectSchema),
        tools: z.optional(OpenObjectSchema),
      }),
    ),
    elicitation: z.optional(
      obj({
        form: z.optional(OpenObjectSchema),
        url: z.optional(OpenObjectSchema),
      }),
    ),
    tasks: z.optional(clientTasksCapability()),
  })
}

/** `ClientCapabilities` as 2026-07-28 defined it (per request, in `_meta`). */
function clientCapabilities2026() {
  const json = z.optional(JsonObjectSchema)
  return obj({
    experimental: modernExperimental,
    roots: z.optional(OpenObjectSchema),
    sampling: z.optional(obj({ context: json, tools: json })),
    elicitation: z.optional(obj({ form: json, url: json })),
    extensions: modernExperimental,
  })
}

/** `initialize` params: `{ protocolVersion, capabilities, clientInfo }`. */
function initializeParams(t: Resolver) {
  return {
    protocolVersion: z.string(),
    capabilities: t('ClientCapabilities'),
    clientInfo: t('Implementation'),
  }
}

/** `completion/complete` params; `resourceRef` names the resource reference type of the revision. */
function completeFields(t: Resolver, resourceRef: string) {
  return { ref: oneOf('type', ['PromptReference', resourceRef])(t), argument }
}

/** Client request types, by the revision that introduced or changed them. */
export const requestDefs: RevisionChanges = {
  '2024-11-05': {
    ClientCapabilities: () =>
      obj({
        experimental,
        roots: z.optional(ListChangedCapabilitySchema),
        sampling: z.optional(OpenObjectSchema),
      }),
    InitializeRequest: message('initialize', (t) => obj(initializeParams(t))),
    ListResourcesRequest: paginatedRequest('resources/list'),
    ListResourceTemplatesRequest: paginatedRequest('resources/templates/list'),
    ReadResourceRequest: message('resources/read', uriParams),
    SubscribeRequest: message('resources/subscribe', uriParams),
    UnsubscribeRequest: message('resources/unsubscribe', uriParams),
    ListPromptsRequest: paginatedRequest('prompts/list'),
    GetPromptRequest: message('prompts/get', () => obj(getPromptFields)),
    ListToolsRequest: paginatedRequest('tools/list'),
    CallToolRequest: message('tools/call', () => obj(callToolFields)),
    SetLevelRequest: message('logging/setLevel', () => obj({ level: LoggingLevelSchema })),
    PromptReference: () => obj({ type: z.literal('ref/prompt'), name: z.string() }),
    ResourceReference: () => obj({ type: z.literal('ref/resource'), uri: z.string() }),
    CompleteRequest: message('completion/complete', (t) =>
      obj(completeFields(t, 'ResourceReference')),
    ),
  },
  '2025-06-18': {
    ClientCapabilities: extendBase(() => ({ elicitation: z.optional(OpenObjectSchema) })),
    ResourceReference: REMOVED,
    ResourceTemplateReference: () => obj({ type: z.literal('ref/resource'), uri: z.string() }),
    PromptReference: extend('BaseMetadata', () => ({ type: z.literal('ref/prompt') })),
    CompleteRequest: message('completion/complete', (t) =>
      obj({ ...completeFields(t, 'ResourceTemplateReference'), context: z.optional(context) }),
    ),
  },
  '2025-11-25': {
    ClientCapabilities: clientCapabilities2025,
    InitializeRequestParams: extend('RequestParams', initializeParams),
    InitializeRequest: rpcRequest('initialize', 'InitializeRequestParams'),
    ResourceRequestParams: extend('RequestParams', () => ({ uri: z.string() })),
    ReadResourceRequestParams: alias('ResourceRequestParams'),
    ReadResourceRequest: rpcRequest('resources/read', 'ReadResourceRequestParams'),
    SubscribeRequestParams: alias('ResourceRequestParams'),
    SubscribeRequest: rpcRequest('resources/subscribe', 'SubscribeRequestParams'),
    UnsubscribeRequestParams: alias('ResourceRequestParams'),
    UnsubscribeRequest: rpcRequest('resources/unsubscribe', 'UnsubscribeRequestParams'),
    GetPromptRequestParams: extend('RequestParams', () => getPromptFields),
    GetPromptRequest: rpcRequest('prompts/get', 'GetPromptRequestParams'),
    CallToolRequestParams: extend('TaskAugmentedRequestParams', () => callToolFields),
    CallToolRequest: rpcRequest('tools/call', 'CallToolRequestParams'),
    SetLevelRequestParams: extend('RequestParams', () => ({ level: LoggingLevelSchema })),
    SetLevelRequest: rpcRequest('logging/setLevel', 'SetLevelRequestParams'),
    CompleteRequestParams: extend('RequestParams', (t) => ({
      ...completeFields(t, 'ResourceTemplateReference'),
      context: z.optional(context),
    })),
    CompleteRequest: rpcRequest('completion/complete', 'CompleteRequestParams'),
  },
  '2026-07-28': {
    ClientCapabilities: clientCapabilities2026,
    InitializeRequestParams: REMOVED,
    InitializeRequest: REMOVED,
    ReadResourceRequestParams: (t) =>
      z.extend(t.object('ResourceRequestParams'), t.object('InputResponseRequestParams').shape),
    SubscribeRequestParams: REMOVED,
    SubscribeRequest: REMOVED,
    UnsubscribeRequestParams: REMOVED,
    UnsubscribeRequest: REMOVED,
    GetPromptRequestParams: extend('InputResponseRequestParams', () => getPromptFields),
    CallToolRequestParams: extend('InputResponseRequestParams', () => callToolFields),
    SetLevelRequestParams: REMOVED,
    SetLevelRequest: REMOVED,
    RequestMetaObject: (t) =>
      obj({
        [PROGRESS_TOKEN_META_KEY]: z.optional(ProgressTokenSchema),
        [PROTOCOL_VERSION_META_KEY]: z.string(),
        [CLIENT_INFO_META_KEY]: z.optional(t('Implementation')),
        [CLIENT_CAPABILITIES_META_KEY]: t('ClientCapabilities'),
        [LOG_LEVEL_META_KEY]: z.optional(t('LoggingLevel')),
      }),
    InputResponse: anyOf(['CreateMessageResult', 'ListRootsResult', 'ElicitResult']),
    InputResponses: (t) => z.record(z.string(), t('InputResponse')),
    InputResponseRequestParams: extend('RequestParams', (t) => ({
      inputResponses: z.optional(t('InputResponses')),
      requestState: z.optional(z.string()),
    })),
    DiscoverRequest: rpcRequest('server/discover', 'RequestParams'),
    SubscriptionFilter: () =>
      obj({
        toolsListChanged: z.optional(z.boolean()),
        promptsListChanged: z.optional(z.boolean()),
        resourcesListChanged: z.optional(z.boolean()),
        resourceSubscriptions: z.optional(StringListSchema),
      }),
    SubscriptionsListenRequestParams: extend('RequestParams', (t) => ({
      notifications: t('SubscriptionFilter'),
    })),
    SubscriptionsListenRequest: rpcRequest(
      'subscriptions/listen',
      'SubscriptionsListenRequestParams',
    ),
  },
}
