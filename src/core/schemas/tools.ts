/**
 * Tools: `Tool`, its annotations and schemas, `tools/list` and `tools/call`.
 */
import * as z from 'zod'
import {
  anyOf,
  extend,
  extendBase,
  LegacyNotificationParamsSchema,
  message,
  OpenObjectSchema,
  obj,
  optional,
  outcome,
  paginatedRequest,
  resultResponse,
  rpcNotification,
  rpcRequest,
  StringListSchema,
} from './base.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const callToolFields = { name: z.string(), arguments: OpenObjectSchema.optional() }
const optionalString = z.string().optional()
const metaField = { _meta: OpenObjectSchema.optional() }

/** `inputSchema`/`outputSchema` up to 2025-11-25: an object schema with `properties`/`required`. */
function objectSchema(withDialect: boolean) {
  return obj({
    ...(withDialect ? { $schema: optionalString } : {}),
    type: z.literal('object'),
    properties: z.record(z.string(), OpenObjectSchema).optional(),
    required: StringListSchema.optional(),
  })
}

/** `Tool` fields from 2025-06-18 on, beside `BaseMetadata` (and icons from 2025-11-25). */
function toolFields(t: Resolver, withDialect: boolean) {
  return {
    description: optionalString,
    inputSchema: objectSchema(withDialect),
    outputSchema: objectSchema(withDialect).optional(),
    annotations: t('ToolAnnotations').optional(),
    ...metaField,
  }
}

/** `Tool` in 2026-07-28: the schemas may use any JSON Schema 2020-12 keyword. */
function tool2026(t: Resolver) {
  return t
    .object('BaseMetadata')
    .extend(t.object('Icons').shape)
    .extend({
      description: optionalString,
      inputSchema: obj({ $schema: optionalString, type: z.literal('object') }),
      outputSchema: obj({ $schema: optionalString }).optional(),
      annotations: t('ToolAnnotations').optional(),
      ...metaField,
    })
}

/** Tool types, by the revision that introduced or changed them. */
export const toolDefs: RevisionChanges = {
  '2024-11-05': {
    Tool: () =>
      obj({ name: z.string(), description: optionalString, inputSchema: objectSchema(false) }),
    ListToolsRequest: paginatedRequest('tools/list'),
    ListToolsResult: extend('~ListResult', (t) => ({ tools: z.array(t('Tool')) })),
    CallToolRequest: message('tools/call', () => obj(callToolFields)),
    CallToolResult: extend('~CompleteResult', (t) => ({
      content: z.array(t('~Content')),
      isError: z.boolean().optional(),
    })),
    ToolListChangedNotification: message('notifications/tools/list_changed', () =>
      LegacyNotificationParamsSchema.optional(),
    ),
  },
  '2025-03-26': {
    ToolAnnotations: () =>
      obj({
        title: optionalString,
        readOnlyHint: z.boolean().optional(),
        destructiveHint: z.boolean().optional(),
        idempotentHint: z.boolean().optional(),
        openWorldHint: z.boolean().optional(),
      }),
    Tool: extendBase((t) => ({ annotations: t('ToolAnnotations').optional() })),
  },
  '2025-06-18': {
    Tool: extend('BaseMetadata', (t) => toolFields(t, false)),
    CallToolResult: extend('~CompleteResult', (t) => ({
      content: z.array(t('ContentBlock')),
      structuredContent: OpenObjectSchema.optional(),
      isError: z.boolean().optional(),
    })),
  },
  '2025-11-25': {
    ToolExecution: () =>
      obj({ taskSupport: z.enum(['forbidden', 'optional', 'required']).optional() }),
    Tool: (t) =>
      t
        .object('BaseMetadata')
        .extend(t.object('Icons').shape)
        .extend({ ...toolFields(t, true), execution: t('ToolExecution').optional() }),
    CallToolRequestParams: extend('TaskAugmentedRequestParams', () => callToolFields),
    CallToolRequest: rpcRequest('tools/call', 'CallToolRequestParams'),
    ToolListChangedNotification: rpcNotification(
      'notifications/tools/list_changed',
      optional('NotificationParams'),
    ),
    /** What `tools/call` answers: the result, or a task when the request asked for one. */
    '~CallToolOutcome': anyOf(['CallToolResult', 'CreateTaskResult']),
  },
  '2026-07-28': {
    ToolExecution: REMOVED,
    Tool: tool2026,
    CallToolRequestParams: extend('InputResponseRequestParams', () => callToolFields),
    CallToolResult: extend('~CompleteResult', (t) => ({
      content: z.array(t('ContentBlock')),
      structuredContent: z.unknown().optional(),
      isError: z.boolean().optional(),
    })),
    '~CallToolOutcome': outcome('CallToolResult'),
    CallToolResultResponse: resultResponse('~CallToolOutcome'),
    ListToolsResultResponse: resultResponse('ListToolsResult'),
  },
}
