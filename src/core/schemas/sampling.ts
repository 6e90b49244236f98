/**
 * Sampling: `sampling/createMessage`, model preferences, sampling messages and (2025-11-25 on) tool
 * use in sampling. A server-to-client request up to 2025-11-25; an input request of
 * `InputRequiredResult` in 2026-07-28 (no JSON-RPC envelope of its own).
 */

import {
  anyOf,
  extend,
  JsonObjectSchema,
  message,
  metaField,
  OpenObjectSchema,
  OptionalStringSchema,
  obj,
  oneOf,
  PrioritySchema,
  RoleSchema,
  rpcRequest,
  StringListSchema,
} from './base.ts'
import { TEXT_IMAGE_AND_AUDIO } from './content.ts'
import * as z from './kit/index.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

/** `sampling/createMessage` params of every revision, without the 2025-11-25 tool fields. */
function samplingFields(t: Resolver) {
  return {
    messages: z.array(t('SamplingMessage')),
    modelPreferences: z.optional(t('ModelPreferences')),
    systemPrompt: OptionalStringSchema,
    includeContext: z.optional(z.enum(['none', 'thisServer', 'allServers'])),
    temperature: z.optional(z.number()),
    maxTokens: z.int(),
    stopSequences: z.optional(StringListSchema),
    metadata: z.optional(OpenObjectSchema),
  }
}

/** The tool fields of sampling (2025-11-25 on). */
function toolFields(t: Resolver) {
  return { tools: z.optional(z.array(t('Tool'))), toolChoice: z.optional(t('ToolChoice')) }
}

/** `CreateMessageResult` beside the sampling message it extends. */
const resultFields = { model: z.string(), stopReason: OptionalStringSchema }

/** Sampling types, by the revision that introduced or changed them. */
export const samplingDefs: RevisionChanges = {
  '2024-11-05': {
    ModelHint: () => obj({ name: OptionalStringSchema }),
    ModelPreferences: (t) =>
      obj({
        hints: z.optional(z.array(t('ModelHint'))),
        costPriority: z.optional(PrioritySchema),
        speedPriority: z.optional(PrioritySchema),
        intelligencePriority: z.optional(PrioritySchema),
      }),
    SamplingMessage: (t) => obj({ role: RoleSchema, content: t('~SamplingContent') }),
    CreateMessageRequest: message('sampling/createMessage', (t) => obj(samplingFields(t))),
    CreateMessageResult: (t) =>
      z.extend(z.extend(t.object('Result'), t.object('SamplingMessage').shape), resultFields),
  },
  '2025-11-25': {
    '~SamplingContent': REMOVED,
    ToolChoice: () => obj({ mode: z.optional(z.enum(['auto', 'required', 'none'])) }),
    SamplingMessageContentBlock: oneOf('type', [
      ...TEXT_IMAGE_AND_AUDIO,
      'ToolUseContent',
      'ToolResultContent',
    ]),
    SamplingMessage: (t) => {
      const block = t('SamplingMessageContentBlock')
      return obj({
        role: RoleSchema,
        content: z.union([block, z.array(block)]),
        ...metaField,
      })
    },
    CreateMessageRequestParams: extend('TaskAugmentedRequestParams', (t) => ({
      ...samplingFields(t),
      ...toolFields(t),
    })),
    CreateMessageRequest: rpcRequest('sampling/createMessage', 'CreateMessageRequestParams'),
    /** What `sampling/createMessage` answers: the result, or a task when the request asked for one. */
    '~CreateMessageOutcome': anyOf(['CreateMessageResult', 'CreateTaskResult']),
  },
  '2026-07-28': {
    CreateMessageRequestParams: (t) =>
      obj({ ...samplingFields(t), metadata: z.optional(JsonObjectSchema), ...toolFields(t) }),
    CreateMessageRequest: message('sampling/createMessage', 'CreateMessageRequestParams'),
    CreateMessageResult: extend('SamplingMessage', () => resultFields),
    '~CreateMessageOutcome': REMOVED,
  },
}
