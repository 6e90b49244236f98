/**
 * Sampling: `sampling/createMessage`, model preferences, sampling messages and (2025-11-25 on) tool
 * use in sampling. A server-to-client request up to 2025-11-25; an input request of
 * `InputRequiredResult` in 2026-07-28 (no JSON-RPC envelope of its own).
 */
import * as z from 'zod'
import {
  anyOf,
  extend,
  JsonObjectSchema,
  message,
  OpenObjectSchema,
  obj,
  oneOf,
  PrioritySchema,
  RoleSchema,
  rpcRequest,
  StringListSchema,
} from './base.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

/** `sampling/createMessage` params of every revision, without the 2025-11-25 tool fields. */
function samplingFields(t: Resolver) {
  return {
    messages: z.array(t('SamplingMessage')),
    modelPreferences: t('ModelPreferences').optional(),
    systemPrompt: z.string().optional(),
    includeContext: z.enum(['none', 'thisServer', 'allServers']).optional(),
    temperature: z.number().optional(),
    maxTokens: z.int(),
    stopSequences: StringListSchema.optional(),
    metadata: OpenObjectSchema.optional(),
  }
}

/** The tool fields of sampling (2025-11-25 on). */
function toolFields(t: Resolver) {
  return { tools: z.array(t('Tool')).optional(), toolChoice: t('ToolChoice').optional() }
}

/** `CreateMessageResult` beside the sampling message it extends. */
const resultFields = { model: z.string(), stopReason: z.string().optional() }

/** Sampling types, by the revision that introduced or changed them. */
export const samplingDefs: RevisionChanges = {
  '2024-11-05': {
    ModelHint: () => obj({ name: z.string().optional() }),
    ModelPreferences: (t) =>
      obj({
        hints: z.array(t('ModelHint')).optional(),
        costPriority: PrioritySchema.optional(),
        speedPriority: PrioritySchema.optional(),
        intelligencePriority: PrioritySchema.optional(),
      }),
    SamplingMessage: (t) => obj({ role: RoleSchema, content: t('~SamplingContent') }),
    CreateMessageRequest: message('sampling/createMessage', (t) => obj(samplingFields(t))),
    CreateMessageResult: (t) =>
      t.object('Result').extend(t.object('SamplingMessage').shape).extend(resultFields),
  },
  '2025-11-25': {
    '~SamplingContent': REMOVED,
    ToolChoice: () => obj({ mode: z.enum(['auto', 'required', 'none']).optional() }),
    SamplingMessageContentBlock: oneOf('type', [
      'TextContent',
      'ImageContent',
      'AudioContent',
      'ToolUseContent',
      'ToolResultContent',
    ]),
    SamplingMessage: (t) => {
      const block = t('SamplingMessageContentBlock')
      return obj({
        role: RoleSchema,
        content: z.union([block, z.array(block)]),
        _meta: OpenObjectSchema.optional(),
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
      obj({ ...samplingFields(t), metadata: JsonObjectSchema.optional(), ...toolFields(t) }),
    CreateMessageRequest: message('sampling/createMessage', 'CreateMessageRequestParams'),
    CreateMessageResult: extend('SamplingMessage', () => resultFields),
    '~CreateMessageOutcome': REMOVED,
  },
}
