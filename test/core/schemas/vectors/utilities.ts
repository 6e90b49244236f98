/** Logging and completion. */
import { COMPLETE, MODERN_META, modern, notification, request } from './fixtures.ts'
import { ALL, from, LEGACY, type MessageVector, MODERN, vectorsFor } from './types.ts'

const setLevel = (params: unknown) => request(4, 'logging/setLevel', params)

const setLevelRequest = vectorsFor('SetLevelRequest', {
  valid: [
    { name: 'warning', revisions: LEGACY, value: setLevel({ level: 'warning' }) },
    { name: 'emergency', revisions: LEGACY, value: setLevel({ level: 'emergency' }) },
  ],
  invalid: [
    {
      name: 'unknown level',
      revisions: LEGACY,
      value: setLevel({ level: 'verbose' }),
      path: ['params', 'level'],
    },
    {
      name: 'upper-case level',
      revisions: LEGACY,
      value: setLevel({ level: 'DEBUG' }),
      path: ['params', 'level'],
    },
    { name: 'missing params', revisions: LEGACY, value: setLevel(undefined), path: ['params'] },
    { name: 'missing level', revisions: LEGACY, value: setLevel({}), path: ['params', 'level'] },
  ],
})

const log = (params: unknown) => notification('notifications/message', params)

const loggingMessageNotification = vectorsFor('LoggingMessageNotification', {
  valid: [
    {
      name: 'error with logger and object data',
      revisions: ALL,
      value: log({ level: 'error', logger: 'database', data: { error: 'Connection failed' } }),
    },
    { name: 'string data', revisions: ALL, value: log({ level: 'info', data: 'started' }) },
    { name: 'null data', revisions: ALL, value: log({ level: 'debug', data: null }) },
  ],
  invalid: [
    {
      name: 'unknown level',
      revisions: ALL,
      value: log({ level: 'trace', data: 1 }),
      path: ['params', 'level'],
    },
    {
      // `data` is required even though any value (including null) is allowed.
      name: 'missing data',
      revisions: ALL,
      value: log({ level: 'info' }),
      path: ['params', 'data'],
    },
    {
      name: 'logger is a number',
      revisions: ALL,
      value: log({ level: 'info', logger: 5, data: 'x' }),
      path: ['params', 'logger'],
    },
    { name: 'missing params', revisions: ALL, value: log(undefined), path: ['params'] },
  ],
})

const PROMPT_REF = { type: 'ref/prompt', name: 'code_review' }
const ARGUMENT = { name: 'language', value: 'py' }
const complete = (params: unknown) => request('c1', 'completion/complete', params)

const completeRequest = vectorsFor('CompleteRequest', {
  valid: [
    {
      name: 'prompt argument',
      revisions: ALL,
      value: complete(modern({ ref: PROMPT_REF, argument: ARGUMENT })),
    },
    {
      name: 'resource template argument',
      revisions: ALL,
      value: complete(
        modern({
          ref: { type: 'ref/resource', uri: 'file:///{path}' },
          argument: { name: 'path', value: 'src/' },
        }),
      ),
    },
    {
      name: 'with context arguments',
      revisions: ALL,
      value: complete(
        modern({
          ref: PROMPT_REF,
          argument: ARGUMENT,
          context: { arguments: { framework: 'flask' } },
        }),
      ),
    },
    {
      name: 'legacy params without _meta',
      revisions: LEGACY,
      value: complete({ ref: PROMPT_REF, argument: ARGUMENT }),
    },
  ],
  invalid: [
    {
      name: 'params without _meta',
      revisions: MODERN,
      value: complete({ ref: PROMPT_REF, argument: ARGUMENT }),
      path: ['params', '_meta'],
    },
    {
      name: '_meta without clientCapabilities',
      revisions: MODERN,
      value: complete({
        _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' },
        ref: PROMPT_REF,
        argument: ARGUMENT,
      }),
      path: ['params', '_meta', 'io.modelcontextprotocol/clientCapabilities'],
    },
    {
      name: 'argument without value',
      revisions: ALL,
      value: complete(modern({ ref: PROMPT_REF, argument: { name: 'language' } })),
      path: ['params', 'argument', 'value'],
    },
    {
      name: 'missing ref',
      revisions: ALL,
      value: complete(modern({ argument: ARGUMENT })),
      path: ['params', 'ref'],
    },
    {
      name: 'unknown ref type',
      revisions: ALL,
      value: complete(modern({ ref: { type: 'ref/tool', name: 'x' }, argument: ARGUMENT })),
      path: ['params', 'ref'],
      orAt: ['params', 'ref', 'type'],
    },
    {
      name: 'context argument is a number',
      revisions: from('2025-06-18'),
      value: complete(
        modern({ ref: PROMPT_REF, argument: ARGUMENT, context: { arguments: { n: 5 } } }),
      ),
      path: ['params', 'context', 'arguments', 'n'],
    },
    {
      name: 'fractional progress token',
      revisions: from('2025-11-25'),
      value: complete({
        _meta: { ...MODERN_META, progressToken: 0.5 },
        ref: PROMPT_REF,
        argument: ARGUMENT,
      }),
      path: ['params', '_meta', 'progressToken'],
    },
  ],
})

const completeResult = vectorsFor('CompleteResult', {
  valid: [
    {
      name: 'values with total and hasMore',
      revisions: ALL,
      value: {
        ...COMPLETE,
        completion: { values: ['python', 'pytorch'], total: 10, hasMore: true },
      },
    },
    { name: 'no values', revisions: ALL, value: { ...COMPLETE, completion: { values: [] } } },
    {
      name: 'legacy, without resultType',
      revisions: LEGACY,
      value: { completion: { values: ['a'] } },
    },
    {
      // schema.json bounds `values` at 100 items only in 2026-07-28.
      name: '101 values',
      revisions: LEGACY,
      value: { completion: { values: Array.from({ length: 101 }, (_, i) => `v${i}`) } },
    },
  ],
  invalid: [
    {
      name: 'fractional total',
      revisions: ALL,
      value: { ...COMPLETE, completion: { values: [], total: 10.5 } },
      path: ['completion', 'total'],
    },
    {
      name: 'missing values',
      revisions: ALL,
      value: { ...COMPLETE, completion: {} },
      path: ['completion', 'values'],
    },
    {
      name: 'a non-string value',
      revisions: ALL,
      value: { ...COMPLETE, completion: { values: ['a', 1] } },
      path: ['completion', 'values', 1],
    },
    {
      name: 'hasMore is a string',
      revisions: ALL,
      value: { ...COMPLETE, completion: { values: [], hasMore: 'yes' } },
      path: ['completion', 'hasMore'],
    },
    { name: 'missing completion', revisions: ALL, value: { ...COMPLETE }, path: ['completion'] },
    {
      name: '101 values',
      revisions: MODERN,
      value: {
        ...COMPLETE,
        completion: { values: Array.from({ length: 101 }, (_, i) => `v${i}`) },
      },
      path: ['completion', 'values'],
    },
    {
      name: 'missing resultType',
      revisions: MODERN,
      value: { completion: { values: [] } },
      path: ['resultType'],
    },
  ],
})

/** Logging and completion vectors. */
export const UTILITY_VECTORS: readonly MessageVector[] = [
  ...setLevelRequest,
  ...loggingMessageNotification,
  ...completeRequest,
  ...completeResult,
]
