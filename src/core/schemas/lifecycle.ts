/**
 * Who is talking and what it can do: `Implementation`, `BaseMetadata`, icons, client and server
 * capabilities, and the legacy `initialize` handshake (removed in 2026-07-28).
 */

import {
  extend,
  extendBase,
  extendMetadataAndIcons,
  JsonObjectSchema,
  ListChangedCapabilitySchema,
  OpenObjectSchema,
  OptionalBooleanSchema,
  OptionalStringSchema,
  obj,
} from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type RevisionChanges } from './registry.ts'

/** `experimental` capabilities up to 2025-11-25: open objects by name. */
export const experimental = z.optional(z.record(z.string(), OpenObjectSchema))
/** `experimental` and `extensions` capabilities in 2026-07-28: JSON objects by name. */
export const modernExperimental = z.optional(z.record(z.string(), JsonObjectSchema))
const resourcesCapability = obj({
  subscribe: OptionalBooleanSchema,
  listChanged: OptionalBooleanSchema,
})

/** `ServerCapabilities` as 2024-11-05 defined it. */
function serverCapabilities2024() {
  return obj({
    experimental,
    logging: z.optional(OpenObjectSchema),
    prompts: z.optional(ListChangedCapabilitySchema),
    resources: z.optional(resourcesCapability),
    tools: z.optional(ListChangedCapabilitySchema),
  })
}

/** `tasks` of the 2025-11-25 server capabilities. */
function serverTasksCapability() {
  const flag = z.optional(OpenObjectSchema)
  return obj({
    list: flag,
    cancel: flag,
    requests: z.optional(obj({ tools: z.optional(obj({ call: flag })) })),
  })
}

/** `ServerCapabilities` as 2026-07-28 defined it. */
function serverCapabilities2026() {
  return obj({
    experimental: modernExperimental,
    logging: z.optional(JsonObjectSchema),
    completions: z.optional(JsonObjectSchema),
    prompts: z.optional(ListChangedCapabilitySchema),
    resources: z.optional(resourcesCapability),
    tools: z.optional(ListChangedCapabilitySchema),
    extensions: modernExperimental,
  })
}

/** Lifecycle and identity types, by the revision that introduced or changed them. */
export const lifecycleDefs: RevisionChanges = {
  '2024-11-05': {
    Implementation: () => obj({ name: z.string(), version: z.string() }),
    ServerCapabilities: serverCapabilities2024,
    InitializeResult: extend('Result', (t) => ({
      protocolVersion: z.string(),
      capabilities: t('ServerCapabilities'),
      serverInfo: t('Implementation'),
      instructions: OptionalStringSchema,
    })),
  },
  '2025-03-26': {
    ServerCapabilities: extendBase(() => ({ completions: z.optional(OpenObjectSchema) })),
  },
  '2025-06-18': {
    BaseMetadata: () => obj({ name: z.string(), title: OptionalStringSchema }),
    Implementation: extend('BaseMetadata', () => ({ version: z.string() })),
  },
  '2025-11-25': {
    Icon: () =>
      obj({
        src: z.string(),
        mimeType: OptionalStringSchema,
        sizes: z.optional(z.array(z.string())),
        theme: z.optional(z.enum(['light', 'dark'])),
      }),
    Icons: (t) => obj({ icons: z.optional(z.array(t('Icon'))) }),
    Implementation: extendMetadataAndIcons(() => ({
      version: z.string(),
      description: OptionalStringSchema,
      websiteUrl: OptionalStringSchema,
    })),
    ServerCapabilities: extendBase(() => ({ tasks: z.optional(serverTasksCapability()) })),
  },
  '2026-07-28': {
    ServerCapabilities: serverCapabilities2026,
    InitializeResult: REMOVED,
  },
}
