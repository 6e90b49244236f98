/** Cancellation and progress notifications (both directions in the legacy revisions). */
import { notification } from './fixtures.ts'
import { ALL, from, type MessageVector, MODERN, only, until, vectorsFor } from './types.ts'

const cancelled = (params: unknown) => notification('notifications/cancelled', params)

const cancelledNotification = vectorsFor('CancelledNotification', {
  valid: [
    {
      name: 'integer request id and reason',
      revisions: ALL,
      value: cancelled({ requestId: 7, reason: 'user' }),
    },
    { name: 'string request id', revisions: ALL, value: cancelled({ requestId: 'req-7' }) },
    {
      name: 'no requestId (2025-11-25 made it optional)',
      revisions: only('2025-11-25'),
      value: cancelled({ reason: 'task cancelled' }),
    },
    {
      name: 'listen stream end tagged with subscriptionId',
      revisions: ALL,
      value: cancelled({
        requestId: 'listen-1',
        _meta: { 'io.modelcontextprotocol/subscriptionId': 'listen-1' },
      }),
    },
  ],
  invalid: [
    {
      name: 'no requestId',
      revisions: [...until('2025-06-18'), ...MODERN],
      value: cancelled({ reason: 'x' }),
      path: ['params', 'requestId'],
    },
    {
      name: 'fractional requestId',
      revisions: ALL,
      value: cancelled({ requestId: 7.5 }),
      path: ['params', 'requestId'],
    },
    { name: 'missing params', revisions: ALL, value: cancelled(undefined), path: ['params'] },
    {
      name: 'reason is a number',
      revisions: ALL,
      value: cancelled({ requestId: 1, reason: 42 }),
      path: ['params', 'reason'],
    },
    {
      name: 'fractional subscriptionId',
      revisions: MODERN,
      value: cancelled({ requestId: 1, _meta: { 'io.modelcontextprotocol/subscriptionId': 1.5 } }),
      path: ['params', '_meta', 'io.modelcontextprotocol/subscriptionId'],
    },
  ],
})

const progress = (params: unknown) => notification('notifications/progress', params)

const progressNotification = vectorsFor('ProgressNotification', {
  valid: [
    {
      name: 'string token with total',
      revisions: ALL,
      value: progress({ progressToken: 'abc', progress: 50, total: 100 }),
    },
    {
      name: 'integer token, fractional progress',
      revisions: ALL,
      value: progress({ progressToken: 3, progress: 0.25 }),
    },
    {
      name: 'with message',
      revisions: ALL,
      value: progress({ progressToken: 3, progress: 2, total: 3, message: 'Step 2 of 3' }),
    },
  ],
  invalid: [
    {
      name: 'fractional token',
      revisions: ALL,
      value: progress({ progressToken: 1.5, progress: 1 }),
      path: ['params', 'progressToken'],
    },
    {
      name: 'missing token',
      revisions: ALL,
      value: progress({ progress: 1 }),
      path: ['params', 'progressToken'],
    },
    {
      name: 'progress is a string',
      revisions: ALL,
      value: progress({ progressToken: 't', progress: '50' }),
      path: ['params', 'progress'],
    },
    {
      name: 'total is a string',
      revisions: ALL,
      value: progress({ progressToken: 't', progress: 5, total: 'x' }),
      path: ['params', 'total'],
    },
    {
      name: 'message is a number',
      revisions: from('2025-03-26'),
      value: progress({ progressToken: 't', progress: 5, message: 5 }),
      path: ['params', 'message'],
    },
    { name: 'missing params', revisions: ALL, value: progress(undefined), path: ['params'] },
  ],
})

/** Cancellation and progress vectors. */
export const NOTIFICATION_VECTORS: readonly MessageVector[] = [
  ...cancelledNotification,
  ...progressNotification,
]
