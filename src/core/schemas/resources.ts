/**
 * Resources: `Resource`, `ResourceTemplate`, listing, reading, and the legacy subscriptions
 * (`resources/subscribe`, removed in 2026-07-28 in favour of `subscriptions/listen`).
 */

import {
  extend,
  metaField,
  OptionalIntSchema,
  OptionalStringSchema,
  obj,
  outcome,
  withIcons,
} from './base.ts'
import * as z from './kit/index.ts'
import type { Resolver, RevisionChanges } from './registry.ts'

/** The descriptive fields of a resource or template, beside its `uri`/`uriTemplate`. */
function described(t: Resolver | undefined) {
  return {
    description: OptionalStringSchema,
    mimeType: OptionalStringSchema,
    ...(t === undefined ? {} : { annotations: z.optional(t('Annotations')) }),
  }
}

/** `Resource` fields beside `name`. */
function resourceFields(t: Resolver | undefined) {
  return { uri: z.string(), ...described(t), size: OptionalIntSchema }
}

/** Resource types, by the revision that introduced or changed them. */
export const resourceDefs: RevisionChanges = {
  '2024-11-05': {
    Resource: extend('Annotated', () => ({ name: z.string(), ...resourceFields(undefined) })),
    ResourceTemplate: extend('Annotated', () => ({
      uriTemplate: z.string(),
      name: z.string(),
      ...described(undefined),
    })),
    ListResourcesResult: extend('~ListResult', (t) => ({ resources: z.array(t('Resource')) })),
    ListResourceTemplatesResult: extend('~ListResult', (t) => ({
      resourceTemplates: z.array(t('ResourceTemplate')),
    })),
    ReadResourceResult: extend('~CompleteResult', (t) => ({
      contents: z.array(t('~ResourceContents')),
    })),
  },
  '2025-03-26': {
    Resource: (t) => obj({ name: z.string(), ...resourceFields(t) }),
    ResourceTemplate: (t) => obj({ uriTemplate: z.string(), name: z.string(), ...described(t) }),
  },
  '2025-06-18': {
    Resource: extend('BaseMetadata', (t) => ({ ...resourceFields(t), ...metaField })),
    ResourceTemplate: extend('BaseMetadata', (t) => ({
      uriTemplate: z.string(),
      ...described(t),
      ...metaField,
    })),
  },
  '2025-11-25': {
    Resource: withIcons,
    ResourceTemplate: withIcons,
  },
  '2026-07-28': {
    ReadResourceResult: extend('CacheableResult', (t) => ({
      contents: z.array(t('~ResourceContents')),
    })),
    '~ReadResourceOutcome': outcome('ReadResourceResult'),
  },
}
