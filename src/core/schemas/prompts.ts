/**
 * Prompts: `Prompt`, its arguments and messages, `prompts/list` and `prompts/get`.
 */
import * as z from 'zod'
import {
  extend,
  extendBase,
  LegacyNotificationParamsSchema,
  message,
  OpenObjectSchema,
  obj,
  optional,
  outcome,
  paginatedRequest,
  RoleSchema,
  resultResponse,
  rpcNotification,
  rpcRequest,
  StringMapSchema,
} from './base.ts'
import type { RevisionChanges } from './registry.ts'

const getPromptFields = { name: z.string(), arguments: StringMapSchema.optional() }
const argumentFields = { description: z.string().optional(), required: z.boolean().optional() }

/** Prompt types, by the revision that introduced or changed them. */
export const promptDefs: RevisionChanges = {
  '2024-11-05': {
    Prompt: (t) =>
      obj({
        name: z.string(),
        description: z.string().optional(),
        arguments: z.array(t('PromptArgument')).optional(),
      }),
    PromptArgument: () => obj({ name: z.string(), ...argumentFields }),
    PromptMessage: (t) => obj({ role: RoleSchema, content: t('~Content') }),
    ListPromptsRequest: paginatedRequest('prompts/list'),
    ListPromptsResult: extend('~ListResult', (t) => ({ prompts: z.array(t('Prompt')) })),
    GetPromptRequest: message('prompts/get', () => obj(getPromptFields)),
    GetPromptResult: extend('~CompleteResult', (t) => ({
      description: z.string().optional(),
      messages: z.array(t('PromptMessage')),
    })),
    PromptListChangedNotification: message('notifications/prompts/list_changed', () =>
      LegacyNotificationParamsSchema.optional(),
    ),
  },
  '2025-06-18': {
    Prompt: extend('BaseMetadata', (t) => ({
      description: z.string().optional(),
      arguments: z.array(t('PromptArgument')).optional(),
      _meta: OpenObjectSchema.optional(),
    })),
    PromptArgument: extend('BaseMetadata', () => argumentFields),
    PromptMessage: (t) => obj({ role: RoleSchema, content: t('ContentBlock') }),
  },
  '2025-11-25': {
    Prompt: extendBase((t) => t.object('Icons').shape),
    GetPromptRequestParams: extend('RequestParams', () => getPromptFields),
    GetPromptRequest: rpcRequest('prompts/get', 'GetPromptRequestParams'),
    PromptListChangedNotification: rpcNotification(
      'notifications/prompts/list_changed',
      optional('NotificationParams'),
    ),
  },
  '2026-07-28': {
    GetPromptRequestParams: extend('InputResponseRequestParams', () => getPromptFields),
    '~GetPromptOutcome': outcome('GetPromptResult'),
    GetPromptResultResponse: resultResponse('~GetPromptOutcome'),
    ListPromptsResultResponse: resultResponse('ListPromptsResult'),
  },
}
