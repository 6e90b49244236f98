/**
 * Who is talking and what it can do: `Implementation`, `BaseMetadata`, icons, client and server
 * capabilities, and the legacy `initialize` handshake (removed in 2026-07-28).
 */
import * as z from 'zod'
import {
  extend,
  extendBase,
  JsonObjectSchema,
  ListChangedCapabilitySchema,
  message,
  OpenObjectSchema,
  obj,
  optional,
  rpcNotification,
  rpcRequest,
} from './base.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const experimental = z.record(z.string(), OpenObjectSchema).optional()
const modernExperimental = z.record(z.string(), JsonObjectSchema).optional()
const resourcesCapability = obj({
  subscribe: z.boolean().optional(),
  listChanged: z.boolean().optional(),
})

/** `ServerCapabilities` as 2024-11-05 defined it. */
function serverCapabilities2024() {
  return obj({
    experimental,
    logging: OpenObjectSchema.optional(),
    prompts: ListChangedCapabilitySchema.optional(),
    resources: resourcesCapability.optional(),
    tools: ListChangedCapabilitySchema.optional(),
  })
}

/** `tasks` of the 2025-11-25 client capabilities. */
function clientTasksCapability() {
  const flag = OpenObjectSchema.optional()
  return obj({
    list: flag,
    cancel: flag,
    requests: obj({
      sampling: obj({ createMessage: flag }).optional(),
      elicitation: obj({ create: flag }).optional(),
    }).optional(),
  })
}

/** `tasks` of the 2025-11-25 server capabilities. */
function serverTasksCapability() {
  const flag = OpenObjectSchema.optional()
  return obj({
    list: flag,
    cancel: flag,
    requests: obj({ tools: obj({ call: flag }).optional() }).optional(),
  })
}

/** `ClientCapabilities` as 2025-11-25 defined it. */
function clientCapabilities2025() {
  return obj({
    experimental,
    roots: ListChangedCapabilitySchema.optional(),
    sampling: obj({
      context: OpenObjectSchema.optional(),
      tools: OpenObjectSchema.optional(),
    }).optional(),
    elicitation: obj({
      form: OpenObjectSchema.optional(),
      url: OpenObjectSchema.optional(),
    }).optional(),
    tasks: clientTasksCapability().optional(),
  })
}

/** `ClientCapabilities` as 2026-07-28 defined it (per request, in `_meta`). */
function clientCapabilities2026() {
  const json = JsonObjectSchema.optional()
  return obj({
    experimental: modernExperimental,
    roots: OpenObjectSchema.optional(),
    sampling: obj({ context: json, tools: json }).optional(),
    elicitation: obj({ form: json, url: json }).optional(),
    extensions: modernExperimental,
  })
}

/** `ServerCapabilities` as 2026-07-28 defined it. */
function serverCapabilities2026() {
  return obj({
    experimental: modernExperimental,
    logging: JsonObjectSchema.optional(),
    completions: JsonObjectSchema.optional(),
    prompts: ListChangedCapabilitySchema.optional(),
    resources: resourcesCapability.optional(),
    tools: ListChangedCapabilitySchema.optional(),
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

/** Lifecycle and identity types, by the revision that introduced or changed them. */
export const lifecycleDefs: RevisionChanges = {
  '2024-11-05': {
    Implementation: () => obj({ name: z.string(), version: z.string() }),
    ClientCapabilities: () =>
      obj({
        experimental,
        roots: ListChangedCapabilitySchema.optional(),
        sampling: OpenObjectSchema.optional(),
      }),
    ServerCapabilities: serverCapabilities2024,
    InitializeRequest: message('initialize', (t) => obj(initializeParams(t))),
    InitializeResult: extend('Result', (t) => ({
      protocolVersion: z.string(),
      capabilities: t('ServerCapabilities'),
      serverInfo: t('Implementation'),
      instructions: z.string().optional(),
    })),
    InitializedNotification: message(
      'notifications/initialized',
      (t) => t.object('Notification').shape.params,
    ),
  },
  '2025-03-26': {
    ServerCapabilities: extendBase(() => ({ completions: OpenObjectSchema.optional() })),
  },
  '2025-06-18': {
    BaseMetadata: () => obj({ name: z.string(), title: z.string().optional() }),
    Implementation: extend('BaseMetadata', () => ({ version: z.string() })),
    ClientCapabilities: extendBase(() => ({ elicitation: OpenObjectSchema.optional() })),
  },
  '2025-11-25': {
    Icon: () =>
      obj({
        src: z.string(),
        mimeType: z.string().optional(),
        sizes: z.array(z.string()).optional(),
        theme: z.enum(['light', 'dark']).optional(),
      }),
    Icons: (t) => obj({ icons: z.array(t('Icon')).optional() }),
    Implementation: (t) =>
      t.object('BaseMetadata').extend(t.object('Icons').shape).extend({
        version: z.string(),
        description: z.string().optional(),
        websiteUrl: z.string().optional(),
      }),
    ClientCapabilities: clientCapabilities2025,
    ServerCapabilities: extendBase(() => ({ tasks: serverTasksCapability().optional() })),
    InitializeRequestParams: extend('RequestParams', initializeParams),
    InitializeRequest: rpcRequest('initialize', 'InitializeRequestParams'),
    InitializedNotification: rpcNotification(
      'notifications/initialized',
      optional('NotificationParams'),
    ),
  },
  '2026-07-28': {
    ClientCapabilities: clientCapabilities2026,
    ServerCapabilities: serverCapabilities2026,
    InitializeRequestParams: REMOVED,
    InitializeRequest: REMOVED,
    InitializeResult: REMOVED,
    InitializedNotification: REMOVED,
  },
}
