/** 2026-07-28 `*ResultResponse` types: a result response whose `result` has a known shape. */
import {
  CACHEABLE,
  COMPLETE,
  PROMPT,
  RESOURCE,
  RESOURCE_TEMPLATE,
  TEXT,
  TEXT_CONTENTS,
  TOOL,
} from './fixtures.ts'
import { type MessageVector, MODERN, vectorsFor } from './types.ts'

const M = MODERN
const response = (result: unknown, id: unknown = 7) => ({ jsonrpc: '2.0', id, result })
const INPUT_REQUIRED = { resultType: 'input_required', requestState: 'abc' }

/** Vectors for a response whose result must be one cacheable list/read/discover result. */
function cacheableResponse(type: string, result: Record<string, unknown>): MessageVector[] {
  const withoutScope: Record<string, unknown> = { ...result }
  delete withoutScope.cacheScope
  return vectorsFor(type, {
    valid: [{ name: 'cacheable result', revisions: M, value: response(result) }],
    invalid: [
      {
        name: 'result without cacheScope',
        revisions: M,
        value: response(withoutScope),
        path: ['result', 'cacheScope'],
      },
      {
        name: 'result with negative ttlMs',
        revisions: M,
        value: response({ ...result, ttlMs: -5 }),
        path: ['result', 'ttlMs'],
      },
      { name: 'fractional id', revisions: M, value: response(result, 7.5), path: ['id'] },
      { name: 'missing result', revisions: M, value: { jsonrpc: '2.0', id: 7 }, path: ['result'] },
    ],
  })
}

/** Vectors for a response whose result is the named result or an `InputRequiredResult`. */
function mrtrResponse(type: string, result: Record<string, unknown>): MessageVector[] {
  const withoutType: Record<string, unknown> = { ...result }
  delete withoutType.resultType
  return vectorsFor(type, {
    valid: [
      { name: 'complete result', revisions: M, value: response(result) },
      { name: 'input_required result', revisions: M, value: response(INPUT_REQUIRED) },
    ],
    invalid: [
      {
        name: 'result without resultType',
        revisions: M,
        value: response(withoutType),
        path: ['result'],
        orAt: ['result', 'resultType'],
      },
      { name: 'missing id', revisions: M, value: { jsonrpc: '2.0', result }, path: ['id'] },
      {
        name: 'jsonrpc 1.0',
        revisions: M,
        value: { ...response(result), jsonrpc: '1.0' },
        path: ['jsonrpc'],
      },
    ],
  })
}

const SUBSCRIPTION_ID = 'io.modelcontextprotocol/subscriptionId'

const subscriptionsListenResultResponse = vectorsFor('SubscriptionsListenResultResponse', {
  valid: [
    {
      name: 'stream closed',
      revisions: M,
      value: response({ ...COMPLETE, _meta: { [SUBSCRIPTION_ID]: 'listen-1' } }, 'listen-1'),
    },
  ],
  invalid: [
    {
      name: 'result without _meta',
      revisions: M,
      value: response({ ...COMPLETE }),
      path: ['result', '_meta'],
    },
    {
      name: 'result without subscriptionId',
      revisions: M,
      value: response({ ...COMPLETE, _meta: {} }),
      path: ['result', '_meta', SUBSCRIPTION_ID],
    },
  ],
})

const completeResultResponse = vectorsFor('CompleteResultResponse', {
  valid: [
    {
      name: 'values',
      revisions: M,
      value: response({ ...COMPLETE, completion: { values: ['a'] } }),
    },
  ],
  invalid: [
    {
      name: 'result without resultType',
      revisions: M,
      value: response({ completion: { values: [] } }),
      path: ['result', 'resultType'],
    },
    {
      name: 'result without completion',
      revisions: M,
      value: response({ ...COMPLETE }),
      path: ['result', 'completion'],
    },
  ],
})

/** `*ResultResponse` vectors. */
export const MODERN_RESPONSE_VECTORS: readonly MessageVector[] = [
  ...cacheableResponse('DiscoverResultResponse', {
    ...CACHEABLE,
    supportedVersions: ['2026-07-28'],
    capabilities: { tools: {} },
  }),
  ...cacheableResponse('ListToolsResultResponse', { ...CACHEABLE, tools: [TOOL] }),
  ...cacheableResponse('ListPromptsResultResponse', { ...CACHEABLE, prompts: [PROMPT] }),
  ...cacheableResponse('ListResourcesResultResponse', { ...CACHEABLE, resources: [RESOURCE] }),
  ...cacheableResponse('ListResourceTemplatesResultResponse', {
    ...CACHEABLE,
    resourceTemplates: [RESOURCE_TEMPLATE],
  }),
  ...mrtrResponse('ReadResourceResultResponse', { ...CACHEABLE, contents: [TEXT_CONTENTS] }),
  ...mrtrResponse('CallToolResultResponse', { ...COMPLETE, content: [TEXT] }),
  ...mrtrResponse('GetPromptResultResponse', {
    ...COMPLETE,
    messages: [{ role: 'user', content: TEXT }],
  }),
  ...subscriptionsListenResultResponse,
  ...completeResultResponse,
]
