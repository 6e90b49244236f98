/** Prompts: listing, getting and list-changed notifications. */
import {
  AUDIO,
  CACHEABLE,
  COMPLETE,
  IMAGE,
  modern,
  notification,
  PROMPT,
  RESOURCE_LINK,
  request,
  TEXT,
  TEXT_CONTENTS,
} from './fixtures.ts'
import { ALL, from, LEGACY, type MessageVector, MODERN, until, vectorsFor } from './types.ts'

const listPrompts = (params?: unknown) => request(10, 'prompts/list', params)

const listPromptsRequest = vectorsFor('ListPromptsRequest', {
  valid: [
    { name: 'with _meta and cursor', revisions: ALL, value: listPrompts(modern({ cursor: 'x' })) },
    { name: 'no params', revisions: LEGACY, value: listPrompts() },
  ],
  invalid: [
    { name: 'no params', revisions: MODERN, value: listPrompts(), path: ['params'] },
    {
      name: 'cursor is an object',
      revisions: ALL,
      value: listPrompts(modern({ cursor: {} })),
      path: ['params', 'cursor'],
    },
    {
      name: 'wrong method',
      revisions: ALL,
      value: request(10, 'prompts/get', modern()),
      path: ['method'],
    },
  ],
})

const promptsResult = (prompt: unknown) => ({ ...CACHEABLE, prompts: [prompt] })

const listPromptsResult = vectorsFor('ListPromptsResult', {
  valid: [
    {
      name: 'cacheable page',
      revisions: ALL,
      value: { ...promptsResult(PROMPT), nextCursor: 'next' },
    },
    {
      name: 'legacy, without resultType or caching',
      revisions: LEGACY,
      value: { prompts: [PROMPT] },
    },
    {
      name: 'prompt with title and icons',
      revisions: ALL,
      value: promptsResult({
        ...PROMPT,
        title: 'Code review',
        icons: [{ src: 'https://example.com/r.png' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'missing cacheScope',
      revisions: MODERN,
      value: { ...COMPLETE, prompts: [], ttlMs: 0 },
      path: ['cacheScope'],
    },
    {
      name: 'unknown cacheScope',
      revisions: MODERN,
      value: { ...CACHEABLE, prompts: [], cacheScope: 'global' },
      path: ['cacheScope'],
    },
    { name: 'missing prompts', revisions: ALL, value: { ...CACHEABLE }, path: ['prompts'] },
    {
      name: 'prompt without name',
      revisions: ALL,
      value: promptsResult({ description: 'x' }),
      path: ['prompts', 0, 'name'],
    },
    {
      name: 'argument required is a string',
      revisions: ALL,
      value: promptsResult({ name: 'p', arguments: [{ name: 'a', required: 'yes' }] }),
      path: ['prompts', 0, 'arguments', 0, 'required'],
    },
    {
      name: 'argument without name',
      revisions: ALL,
      value: promptsResult({ name: 'p', arguments: [{ description: 'a' }] }),
      path: ['prompts', 0, 'arguments', 0, 'name'],
    },
    {
      name: 'prompt title is a number',
      revisions: from('2025-06-18'),
      value: promptsResult({ ...PROMPT, title: 1 }),
      path: ['prompts', 0, 'title'],
    },
  ],
})

const getPrompt = (params?: unknown) => request('g', 'prompts/get', params)

const getPromptRequest = vectorsFor('GetPromptRequest', {
  valid: [
    {
      name: 'with arguments',
      revisions: ALL,
      value: getPrompt(modern({ name: 'code_review', arguments: { code: 'x = 1' } })),
    },
    { name: 'without arguments', revisions: ALL, value: getPrompt(modern({ name: 'greeting' })) },
    { name: 'legacy, without _meta', revisions: LEGACY, value: getPrompt({ name: 'greeting' }) },
    {
      name: 'MRTR retry',
      revisions: ALL,
      value: getPrompt(
        modern({ name: 'p', inputResponses: { roots: { roots: [] } }, requestState: 's' }),
      ),
    },
  ],
  invalid: [
    {
      name: 'params without _meta',
      revisions: MODERN,
      value: getPrompt({ name: 'greeting' }),
      path: ['params', '_meta'],
    },
    {
      name: 'missing name',
      revisions: ALL,
      value: getPrompt(modern({ arguments: {} })),
      path: ['params', 'name'],
    },
    {
      name: 'argument value is a number',
      revisions: ALL,
      value: getPrompt(modern({ name: 'p', arguments: { count: 3 } })),
      path: ['params', 'arguments', 'count'],
    },
    { name: 'missing params', revisions: ALL, value: getPrompt(), path: ['params'] },
  ],
})

const messages = (...content: unknown[]) => content.map((c) => ({ role: 'user', content: c }))

const getPromptResult = vectorsFor('GetPromptResult', {
  valid: [
    {
      name: 'text, image and embedded resource messages',
      revisions: ALL,
      value: {
        ...COMPLETE,
        description: 'Code review prompt',
        messages: [
          ...messages(TEXT, IMAGE),
          { role: 'assistant', content: { type: 'resource', resource: TEXT_CONTENTS } },
        ],
      },
    },
    { name: 'legacy, without resultType', revisions: LEGACY, value: { messages: messages(TEXT) } },
    {
      name: 'audio message',
      revisions: from('2025-03-26'),
      value: { ...COMPLETE, messages: messages(AUDIO) },
    },
    {
      name: 'resource link message',
      revisions: from('2025-06-18'),
      value: { ...COMPLETE, messages: messages(RESOURCE_LINK) },
    },
  ],
  invalid: [
    {
      name: 'missing resultType',
      revisions: MODERN,
      value: { messages: [] },
      path: ['resultType'],
    },
    {
      name: 'missing messages',
      revisions: ALL,
      value: { ...COMPLETE, description: 'x' },
      path: ['messages'],
    },
    {
      name: 'system role',
      revisions: ALL,
      value: { ...COMPLETE, messages: [{ role: 'system', content: TEXT }] },
      path: ['messages', 0, 'role'],
    },
    {
      name: 'message without content',
      revisions: ALL,
      value: { ...COMPLETE, messages: [{ role: 'user' }] },
      path: ['messages', 0, 'content'],
    },
    {
      name: 'description is a number',
      revisions: ALL,
      value: { ...COMPLETE, messages: [], description: 7 },
      path: ['description'],
    },
    {
      name: 'resource link message',
      revisions: until('2025-03-26'),
      value: { messages: messages(RESOURCE_LINK) },
      path: ['messages', 0, 'content'],
      orAt: ['messages', 0, 'content', 'type'],
    },
  ],
})

const promptsChanged = (params?: unknown) =>
  notification('notifications/prompts/list_changed', params)

const promptListChangedNotification = vectorsFor('PromptListChangedNotification', {
  valid: [
    { name: 'no params', revisions: ALL, value: promptsChanged() },
    { name: 'with _meta', revisions: ALL, value: promptsChanged({ _meta: {} }) },
  ],
  invalid: [
    {
      name: 'wrong method',
      revisions: ALL,
      value: notification('notifications/prompt/list_changed'),
      path: ['method'],
    },
    {
      name: 'params is a string',
      revisions: ALL,
      value: promptsChanged('changed'),
      path: ['params'],
    },
    {
      name: '_meta is a string',
      revisions: ALL,
      value: promptsChanged({ _meta: 'x' }),
      path: ['params', '_meta'],
    },
  ],
})

/** Prompt vectors. */
export const PROMPT_VECTORS: readonly MessageVector[] = [
  ...listPromptsRequest,
  ...listPromptsResult,
  ...getPromptRequest,
  ...getPromptResult,
  ...promptListChangedNotification,
]
