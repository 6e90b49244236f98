/**
 * Sampling: a server-to-client request up to 2025-11-25, an `InputRequest` inside
 * `InputRequiredResult` in 2026-07-28 (where it has no `jsonrpc`/`id` of its own).
 */
import {
  AUDIO,
  CREATE_MESSAGE_PARAMS,
  IMAGE,
  request,
  SAMPLING_MESSAGE,
  TEXT,
  TOOL,
} from './fixtures.ts'
import { ALL, from, type MessageVector, only, until, vectorsFor } from './types.ts'

const createMessage = (params?: unknown) => request(20, 'sampling/createMessage', params)
const bare = (params: unknown) => ({ method: 'sampling/createMessage', params })
const WITH_JSON_RPC_ID = only('2024-11-05', '2025-03-26', '2025-06-18', '2026-07-28')

const createMessageRequest = vectorsFor('CreateMessageRequest', {
  valid: [
    { name: 'minimal', revisions: ALL, value: createMessage(CREATE_MESSAGE_PARAMS) },
    {
      name: 'every optional field',
      revisions: ALL,
      value: createMessage({
        ...CREATE_MESSAGE_PARAMS,
        modelPreferences: {
          hints: [{ name: 'claude-3-sonnet' }, {}],
          costPriority: 0.3,
          speedPriority: 0,
          intelligencePriority: 1,
        },
        systemPrompt: 'You are terse.',
        includeContext: 'thisServer',
        temperature: 0.7,
        stopSequences: ['\n\n'],
        metadata: { provider: 'x' },
      }),
    },
    {
      name: 'without jsonrpc and id (bare request / InputRequest)',
      revisions: WITH_JSON_RPC_ID,
      value: bare(CREATE_MESSAGE_PARAMS),
    },
    {
      name: 'tools and toolChoice',
      revisions: ALL,
      value: createMessage({
        ...CREATE_MESSAGE_PARAMS,
        tools: [TOOL],
        toolChoice: { mode: 'auto' },
      }),
    },
    {
      name: 'follow-up with tool_use and tool_result messages',
      revisions: from('2025-11-25'),
      value: createMessage({
        maxTokens: 200,
        messages: [
          SAMPLING_MESSAGE,
          {
            role: 'assistant',
            content: [
              { type: 'tool_use', id: 'tu-1', name: 'get_weather', input: { location: 'Paris' } },
            ],
          },
          { role: 'user', content: [{ type: 'tool_result', toolUseId: 'tu-1', content: [TEXT] }] },
        ],
      }),
    },
    {
      name: 'audio message',
      revisions: from('2025-03-26'),
      value: createMessage({ maxTokens: 10, messages: [{ role: 'user', content: AUDIO }] }),
    },
  ],
  invalid: [
    {
      name: 'fractional maxTokens',
      revisions: ALL,
      value: createMessage({ ...CREATE_MESSAGE_PARAMS, maxTokens: 100.5 }),
      path: ['params', 'maxTokens'],
    },
    {
      name: 'missing maxTokens',
      revisions: ALL,
      value: createMessage({ messages: [] }),
      path: ['params', 'maxTokens'],
    },
    {
      name: 'missing messages',
      revisions: ALL,
      value: createMessage({ maxTokens: 5 }),
      path: ['params', 'messages'],
    },
    {
      name: 'unknown includeContext',
      revisions: ALL,
      value: createMessage({ ...CREATE_MESSAGE_PARAMS, includeContext: 'everything' }),
      path: ['params', 'includeContext'],
    },
    {
      name: 'costPriority above 1',
      revisions: ALL,
      value: createMessage({ ...CREATE_MESSAGE_PARAMS, modelPreferences: { costPriority: 1.5 } }),
      path: ['params', 'modelPreferences', 'costPriority'],
    },
    {
      name: 'system role message',
      revisions: ALL,
      value: createMessage({ maxTokens: 5, messages: [{ role: 'system', content: TEXT }] }),
      path: ['params', 'messages', 0, 'role'],
    },
    {
      name: 'temperature is a string',
      revisions: ALL,
      value: createMessage({ ...CREATE_MESSAGE_PARAMS, temperature: 'hot' }),
      path: ['params', 'temperature'],
    },
    { name: 'missing params', revisions: ALL, value: createMessage(), path: ['params'] },
    {
      name: 'unknown toolChoice mode',
      revisions: from('2025-11-25'),
      value: createMessage({ ...CREATE_MESSAGE_PARAMS, toolChoice: { mode: 'always' } }),
      path: ['params', 'toolChoice', 'mode'],
    },
    {
      name: 'tool without inputSchema',
      revisions: from('2025-11-25'),
      value: createMessage({ ...CREATE_MESSAGE_PARAMS, tools: [{ name: 'x' }] }),
      path: ['params', 'tools', 0, 'inputSchema'],
    },
    {
      name: 'a message whose content is an array of blocks',
      revisions: until('2025-06-18'),
      value: createMessage({ maxTokens: 5, messages: [{ role: 'user', content: [TEXT] }] }),
      path: ['params', 'messages', 0, 'content'],
    },
    {
      name: 'without jsonrpc and id',
      revisions: only('2025-11-25'),
      value: bare(CREATE_MESSAGE_PARAMS),
      path: ['jsonrpc'],
    },
  ],
})

const RESULT = {
  role: 'assistant',
  content: TEXT,
  model: 'claude-3-sonnet-20240307',
  stopReason: 'endTurn',
}

/** Up to 2025-11-25 a client result; in 2026-07-28 an `InputResponse`, which carries no `resultType`. */
const createMessageResult = vectorsFor('CreateMessageResult', {
  valid: [
    { name: 'text response', revisions: ALL, value: RESULT },
    {
      name: 'image response, custom stopReason',
      revisions: ALL,
      value: { ...RESULT, content: IMAGE, stopReason: 'contentFilter' },
    },
    {
      name: 'without stopReason',
      revisions: ALL,
      value: { role: 'assistant', content: TEXT, model: 'm' },
    },
    { name: 'audio response', revisions: from('2025-03-26'), value: { ...RESULT, content: AUDIO } },
    {
      name: 'tool_use response with an array of blocks',
      revisions: from('2025-11-25'),
      value: {
        ...RESULT,
        stopReason: 'toolUse',
        content: [TEXT, { type: 'tool_use', id: 'tu-1', name: 'get_weather', input: {} }],
      },
    },
  ],
  invalid: [
    {
      name: 'missing model',
      revisions: ALL,
      value: { role: 'assistant', content: TEXT },
      path: ['model'],
    },
    { name: 'system role', revisions: ALL, value: { ...RESULT, role: 'system' }, path: ['role'] },
    {
      name: 'stopReason is a number',
      revisions: ALL,
      value: { ...RESULT, stopReason: 1 },
      path: ['stopReason'],
    },
    {
      name: 'missing content',
      revisions: ALL,
      value: { role: 'assistant', model: 'm' },
      path: ['content'],
    },
    {
      name: 'content is an array of blocks',
      revisions: until('2025-06-18'),
      value: { ...RESULT, content: [TEXT] },
      path: ['content'],
    },
    {
      name: 'tool_use block without input',
      revisions: from('2025-11-25'),
      value: { ...RESULT, content: { type: 'tool_use', id: 'tu-1', name: 'get_weather' } },
      path: ['content'],
      orAt: ['content', 'input'],
    },
    {
      name: 'resource link content (not a sampling block)',
      revisions: ALL,
      value: { ...RESULT, content: { type: 'resource_link', uri: 'file:///a', name: 'a' } },
      path: ['content'],
      orAt: ['content', 'type'],
    },
  ],
})

/** Sampling vectors. */
export const SAMPLING_VECTORS: readonly MessageVector[] = [
  ...createMessageRequest,
  ...createMessageResult,
]
