/**
 * Completion: `completion/complete` and the references it completes against.
 */
import * as z from 'zod'
import {
  extend,
  message,
  obj,
  oneOf,
  resultResponse,
  rpcRequest,
  StringListSchema,
  StringMapSchema,
} from './base.ts'
import { REMOVED, type Resolver, type RevisionChanges } from './registry.ts'

const argument = obj({ name: z.string(), value: z.string() })
const context = obj({ arguments: StringMapSchema.optional() })

/** `completion/complete` params; `resourceRef` names the resource reference type of the revision. */
function completeFields(t: Resolver, resourceRef: string) {
  return { ref: oneOf('type', ['PromptReference', resourceRef])(t), argument }
}

/** `CompleteResult` with at most `maxValues` values (schema.json states the cap from 2026-07-28). */
function completeResult(maxValues: number | undefined) {
  return extend('~CompleteResult', () => {
    const values = maxValues === undefined ? StringListSchema : StringListSchema.max(maxValues)
    return {
      completion: obj({
        values,
        total: z.int().optional(),
        hasMore: z.boolean().optional(),
      }),
    }
  })
}

/** Completion types, by the revision that introduced or changed them. */
export const completionDefs: RevisionChanges = {
  '2024-11-05': {
    PromptReference: () => obj({ type: z.literal('ref/prompt'), name: z.string() }),
    ResourceReference: () => obj({ type: z.literal('ref/resource'), uri: z.string() }),
    CompleteRequest: message('completion/complete', (t) =>
      obj(completeFields(t, 'ResourceReference')),
    ),
    CompleteResult: completeResult(undefined),
  },
  '2025-06-18': {
    ResourceReference: REMOVED,
    ResourceTemplateReference: () => obj({ type: z.literal('ref/resource'), uri: z.string() }),
    PromptReference: extend('BaseMetadata', () => ({ type: z.literal('ref/prompt') })),
    CompleteRequest: message('completion/complete', (t) =>
      obj({ ...completeFields(t, 'ResourceTemplateReference'), context: context.optional() }),
    ),
  },
  '2025-11-25': {
    CompleteRequestParams: extend('RequestParams', (t) => ({
      ...completeFields(t, 'ResourceTemplateReference'),
      context: context.optional(),
    })),
    CompleteRequest: rpcRequest('completion/complete', 'CompleteRequestParams'),
  },
  '2026-07-28': {
    CompleteResult: completeResult(100),
    CompleteResultResponse: resultResponse('CompleteResult'),
  },
}
