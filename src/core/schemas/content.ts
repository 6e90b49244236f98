/**
 * Content: annotations, text/image/audio blocks, resource links, embedded resources and the
 * resource contents they carry, and the tool-use blocks of sampling (2025-11-25 on).
 */

import {
  anyOf,
  extend,
  extendBase,
  metaField,
  OpenObjectSchema,
  OptionalBooleanSchema,
  OptionalStringSchema,
  obj,
  oneOf,
  PrioritySchema,
  RoleSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const annotationFields = {
  audience: z.optional(z.array(RoleSchema)),
  priority: z.optional(PrioritySchema),
}

/** The blocks every content union of schema.ts starts with. */
const TEXT_AND_IMAGE = ['TextContent', 'ImageContent']

/** The blocks sampling messages carry from 2025-03-26 on, before the tool blocks of 2025-11-25. */
export const TEXT_IMAGE_AND_AUDIO = [...TEXT_AND_IMAGE, 'AudioContent']

/** A type of 2025-06-18 that gains `_meta`, as the content types and their resources do. */
const withMeta = extendBase(() => metaField)

/** `annotations?: Annotations` (2025-03-26 on). */
function annotations(t: Resolver) {
  return { annotations: z.optional(t('Annotations')) }
}

/** The image and audio block fields: base64 `data` and its `mimeType`. */
function media(type: 'image' | 'audio') {
  return { type: z.literal(type), data: z.string(), mimeType: z.string() }
}

/** Content types, by the revision that introduced or changed them. */
export const contentDefs: RevisionChanges = {
  '2024-11-05': {
    Annotated: () => obj({ annotations: z.optional(obj(annotationFields)) }),
    TextContent: extend('Annotated', () => ({ type: z.literal('text'), text: z.string() })),
    ImageContent: extend('Annotated', () => media('image')),
    EmbeddedResource: extend('Annotated', (t) => ({
      type: z.literal('resource'),
      resource: t('~ResourceContents'),
    })),
    ResourceContents: () => obj({ uri: z.string(), mimeType: OptionalStringSchema }),
    TextResourceContents: extend('ResourceContents', () => ({ text: z.string() })),
    BlobResourceContents: extend('ResourceContents', () => ({ blob: z.string() })),
    /** `TextResourceContents | BlobResourceContents`. */
    '~ResourceContents': anyOf(['TextResourceContents', 'BlobResourceContents']),
    /** What prompt messages and tool results may carry, before `ContentBlock` (2025-06-18). */
    '~Content': oneOf('type', [...TEXT_AND_IMAGE, 'EmbeddedResource']),
    /** What sampling messages may carry, before `SamplingMessageContentBlock` (2025-11-25). */
    '~SamplingContent': oneOf('type', TEXT_AND_IMAGE),
  },
  '2025-03-26': {
    Annotated: REMOVED,
    Annotations: () => obj(annotationFields),
    TextContent: (t) => obj({ type: z.literal('text'), text: z.string(), ...annotations(t) }),
    ImageContent: (t) => obj({ ...media('image'), ...annotations(t) }),
    AudioContent: (t) => obj({ ...media('audio'), ...annotations(t) }),
    EmbeddedResource: (t) =>
      obj({ type: z.literal('resource'), resource: t('~ResourceContents'), ...annotations(t) }),
    '~Content': oneOf('type', [...TEXT_IMAGE_AND_AUDIO, 'EmbeddedResource']),
    '~SamplingContent': oneOf('type', TEXT_IMAGE_AND_AUDIO),
  },
  '2025-06-18': {
    Annotations: extendBase(() => ({ lastModified: OptionalStringSchema })),
    TextContent: withMeta,
    ImageContent: withMeta,
    AudioContent: withMeta,
    EmbeddedResource: withMeta,
    ResourceContents: withMeta,
    ResourceLink: extend('Resource', () => ({ type: z.literal('resource_link') })),
    ContentBlock: oneOf('type', [...TEXT_IMAGE_AND_AUDIO, 'ResourceLink', 'EmbeddedResource']),
    '~Content': REMOVED,
  },
  '2025-11-25': {
    ToolUseContent: () =>
      obj({
        type: z.literal('tool_use'),
        id: z.string(),
        name: z.string(),
        input: OpenObjectSchema,
        ...metaField,
      }),
    ToolResultContent: (t) =>
      obj({
        type: z.literal('tool_result'),
        toolUseId: z.string(),
        content: z.array(t('ContentBlock')),
        structuredContent: z.optional(OpenObjectSchema),
        isError: OptionalBooleanSchema,
        ...metaField,
      }),
  },
  '2026-07-28': {
    ToolResultContent: extendBase(() => ({ structuredContent: z.optional(z.unknown()) })),
  },
}
