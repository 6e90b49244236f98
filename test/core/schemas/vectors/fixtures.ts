/**
 * Building blocks shared by the vector files. Every value here is valid in every revision that has the
 * surrounding type, so vectors can combine them freely.
 */

/** An `Implementation` valid in every revision. */
export const CLIENT_INFO = { name: 'vector-client', version: '1.0.0' } as const

/** An `Implementation` valid in every revision. */
export const SERVER_INFO = { name: 'vector-server', version: '2.1.0' } as const

/** The two `_meta` keys every 2026-07-28 request must carry. */
export const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
} as const

/** Request params carrying the modern `_meta`; older revisions treat the keys as extra and accept them. */
export function modern(params: Record<string, unknown> = {}): Record<string, unknown> {
  return { _meta: MODERN_META, ...params }
}

/** A JSON-RPC request envelope; `params` is left out when not given. */
export function request(id: string | number, method: string, params?: unknown): unknown {
  return params === undefined
    ? { jsonrpc: '2.0', id, method }
    : { jsonrpc: '2.0', id, method, params }
}

/** A JSON-RPC notification envelope; `params` is left out when not given. */
export function notification(method: string, params?: unknown): unknown {
  return params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params }
}

/** A copy of `value` without `key`, to build "missing required field" vectors. */
export function omit<T extends object>(value: T, key: keyof T): Partial<T> {
  const copy: Partial<T> = { ...value }
  delete copy[key]
  return copy
}

/** The result fields 2026-07-28 requires on an ordinary result. */
export const COMPLETE = { resultType: 'complete' } as const

/** The result fields 2026-07-28 requires on list results, `server/discover` and `resources/read`. */
export const CACHEABLE = { resultType: 'complete', ttlMs: 60_000, cacheScope: 'private' } as const

/** A text content block, valid everywhere a content block is. */
export const TEXT = { type: 'text', text: 'It is 22 °C and sunny.' } as const

/** An image content block. */
export const IMAGE = { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' } as const

/** An audio content block (from 2025-03-26). */
export const AUDIO = { type: 'audio', data: 'UklGRiQAAABXQVZF', mimeType: 'audio/wav' } as const

/** A resource link content block (from 2025-06-18). */
export const RESOURCE_LINK = {
  type: 'resource_link',
  uri: 'file:///project/README.md',
  name: 'README.md',
  mimeType: 'text/markdown',
} as const

/** Text resource contents. */
export const TEXT_CONTENTS = {
  uri: 'file:///project/README.md',
  mimeType: 'text/markdown',
  text: '# Project',
} as const

/** Binary resource contents. */
export const BLOB_CONTENTS = {
  uri: 'file:///project/logo.png',
  mimeType: 'image/png',
  blob: 'iVBORw0KGgo=',
} as const

/** A tool valid in every revision. */
export const TOOL = {
  name: 'get_weather',
  description: 'Current weather for a city',
  inputSchema: {
    type: 'object',
    properties: { location: { type: 'string' } },
    required: ['location'],
  },
} as const

/** A resource valid in every revision. */
export const RESOURCE = {
  uri: 'file:///project/README.md',
  name: 'README.md',
  description: 'Project overview',
  mimeType: 'text/markdown',
  size: 1024,
} as const

/** A resource template valid in every revision. */
export const RESOURCE_TEMPLATE = {
  uriTemplate: 'file:///project/{path}',
  name: 'project-file',
  mimeType: 'text/plain',
} as const

/** A prompt valid in every revision. */
export const PROMPT = {
  name: 'code_review',
  description: 'Review a piece of code',
  arguments: [{ name: 'code', description: 'The code to review', required: true }],
} as const

/** A sampling message valid in every revision. */
export const SAMPLING_MESSAGE = {
  role: 'user',
  content: { type: 'text', text: 'Capital of France?' },
}

/** Minimal `sampling/createMessage` params. */
export const CREATE_MESSAGE_PARAMS = { messages: [SAMPLING_MESSAGE], maxTokens: 100 } as const

/** A form-mode elicitation (from 2025-06-18). */
export const ELICIT_FORM_PARAMS = {
  message: 'Please provide your GitHub username',
  requestedSchema: {
    type: 'object',
    properties: { name: { type: 'string', minLength: 1 } },
    required: ['name'],
  },
} as const

/** A 2025-11-25 task. */
export const TASK = {
  taskId: 'task-7',
  status: 'working',
  statusMessage: 'Crunching numbers',
  createdAt: '2025-11-25T10:00:00Z',
  lastUpdatedAt: '2025-11-25T10:00:05Z',
  ttl: 60_000,
  pollInterval: 1000,
} as const
