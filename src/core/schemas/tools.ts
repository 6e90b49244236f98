/**
 * Tools: `Tool`, its annotations and schemas, `tools/list` and `tools/call`.
 */

import {
  anyOf,
  extend,
  extendBase,
  extendMetadataAndIcons,
  metaField,
  OpenObjectSchema,
  OptionalBooleanSchema,
  OptionalStringSchema,
  obj,
  outcome,
  StringListSchema,
} from './base.ts'
import * as z from './kit/index.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

/** `inputSchema`/`outputSchema` up to 2025-11-25: an object schema with `properties`/`required`. */
function objectSchema(withDialect: boolean) {
  return obj({
    ...(withDialect ? { $schema: OptionalStringSchema } : {}),
    type: z.literal('object'),
    properties: z.optional(z.record(z.string(), OpenObjectSchema)),
    required: z.optional(StringListSchema),
  })
}

/** `Tool` fields from 2025-06-18 on, beside `BaseMetadata` (and icons from 2025-11-25). */
function toolFields(t: Resolver, withDialect: boolean) {
  return {
    description: OptionalStringSchema,
    inputSchema: objectSchema(withDialect),
    outputSchema: z.optional(objectSchema(withDialect)),
    annotations: z.optional(t('ToolAnnotations')),
    ...metaField,
  }
}

/** `Tool` in 2026-07-28: the schemas may use any JSON Schema 2020-12 keyword. */
const tool2026 = extendMetadataAndIcons((t) => ({
  description: OptionalStringSchema,
  inputSchema: obj({ $schema: OptionalStringSchema, type: z.literal('object') }),
  outputSchema: z.optional(obj({ $schema: OptionalStringSchema })),
  annotations: z.optional(t('ToolAnnotations')),
  ...metaField,
}))

/** Tool types, by the revision that introduced or changed them. */
export const toolDefs: RevisionChanges = {
  '2024-11-05': {
    Tool: () =>
      obj({
        name: z.string(),
        description: OptionalStringSchema,
        inputSchema: objectSchema(false),
      }),
    ListToolsResult: extend('~ListResult', (t) => ({ tools: z.array(t('Tool')) })),
    CallToolResult: extend('~CompleteResult', (t) => ({
      content: z.array(t('~Content')),
      isError: OptionalBooleanSchema,
    })),
  },
  '2025-03-26': {
    ToolAnnotations: () =>
      obj({
        title: OptionalStringSchema,
        readOnlyHint: OptionalBooleanSchema,
        destructiveHint: OptionalBooleanSchema,
        idempotentHint: OptionalBooleanSchema,
        openWorldHint: OptionalBooleanSchema,
      }),
    Tool: extendBase((t) => ({ annotations: z.optional(t('ToolAnnotations')) })),
  },
  '2025-06-18': {
    Tool: extend('BaseMetadata', (t) => toolFields(t, false)),
    CallToolResult: extend('~CompleteResult', (t) => ({
      content: z.array(t('ContentBlock')),
      structuredContent: z.optional(OpenObjectSchema),
      isError: OptionalBooleanSchema,
    })),
  },
  '2025-11-25': {
    ToolExecution: () =>
      obj({ taskSupport: z.optional(z.enum(['forbidden', 'optional', 'required'])) }),
    Tool: extendMetadataAndIcons((t) => ({
      ...toolFields(t, true),
      execution: z.optional(t('ToolExecution')),
    })),
    /** What `tools/call` answers: the result, or a task when the request asked for one. */
    '~CallToolOutcome': anyOf(['CallToolResult', 'CreateTaskResult']),
  },
  '2026-07-28': {
    ToolExecution: REMOVED,
    Tool: tool2026,
    CallToolResult: extendBase(() => ({ structuredContent: z.optional(z.unknown()) })),
    '~CallToolOutcome': outcome('CallToolResult'),
  },
}
