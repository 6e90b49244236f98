/** Tools: `tools/list` and its result. */
import { CACHEABLE, COMPLETE, MODERN_META, modern, request, TOOL } from './fixtures.ts'
import { ALL, from, LEGACY, type MessageVector, MODERN, only, until, vectorsFor } from './types.ts'

const listTools = (params?: unknown) => request(2, 'tools/list', params)

const listToolsRequest = vectorsFor('ListToolsRequest', {
  valid: [
    {
      name: 'with _meta and cursor',
      revisions: ALL,
      value: listTools(modern({ cursor: 'page-2' })),
    },
    {
      name: 'with clientInfo and logLevel',
      revisions: ALL,
      value: listTools({
        _meta: {
          ...MODERN_META,
          'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
          'io.modelcontextprotocol/logLevel': 'info',
        },
      }),
    },
    { name: 'no params', revisions: LEGACY, value: listTools() },
    {
      name: 'empty-string cursor without _meta',
      revisions: LEGACY,
      value: listTools({ cursor: '' }),
    },
  ],
  invalid: [
    { name: 'no params', revisions: MODERN, value: listTools(), path: ['params'] },
    {
      name: 'params without _meta',
      revisions: MODERN,
      value: listTools({ cursor: '' }),
      path: ['params', '_meta'],
    },
    {
      name: 'cursor is a number',
      revisions: ALL,
      value: listTools(modern({ cursor: 2 })),
      path: ['params', 'cursor'],
    },
    {
      name: 'unknown logLevel',
      revisions: MODERN,
      value: listTools({
        _meta: { ...MODERN_META, 'io.modelcontextprotocol/logLevel': 'verbose' },
      }),
      path: ['params', '_meta', 'io.modelcontextprotocol/logLevel'],
    },
    {
      name: 'protocolVersion is a number',
      revisions: MODERN,
      value: listTools({
        _meta: { ...MODERN_META, 'io.modelcontextprotocol/protocolVersion': 20260728 },
      }),
      path: ['params', '_meta', 'io.modelcontextprotocol/protocolVersion'],
    },
    {
      name: 'clientInfo without name',
      revisions: MODERN,
      value: listTools({
        _meta: { ...MODERN_META, 'io.modelcontextprotocol/clientInfo': { version: '1' } },
      }),
      path: ['params', '_meta', 'io.modelcontextprotocol/clientInfo', 'name'],
    },
    {
      name: 'elicitation.form capability is true',
      revisions: MODERN,
      value: listTools({
        _meta: {
          ...MODERN_META,
          'io.modelcontextprotocol/clientCapabilities': { elicitation: { form: true } },
        },
      }),
      path: [
        'params',
        '_meta',
        'io.modelcontextprotocol/clientCapabilities',
        'elicitation',
        'form',
      ],
    },
    {
      name: 'wrong method',
      revisions: ALL,
      value: request(2, 'tools/lists', modern()),
      path: ['method'],
    },
  ],
})

const toolsResult = (tool: unknown) => ({ ...CACHEABLE, tools: [tool] })

const listToolsResult = vectorsFor('ListToolsResult', {
  valid: [
    {
      name: 'cacheable page with cursor',
      revisions: ALL,
      value: { ...toolsResult(TOOL), nextCursor: 'n', ttlMs: 0, cacheScope: 'public' },
    },
    { name: 'legacy, without resultType or caching', revisions: LEGACY, value: { tools: [TOOL] } },
    {
      name: 'legacy, resultType but no caching',
      revisions: LEGACY,
      value: { ...COMPLETE, tools: [] },
    },
    {
      name: 'tool with annotations, title, icons and _meta',
      revisions: ALL,
      value: toolsResult({
        ...TOOL,
        title: 'Weather',
        annotations: { title: 'Weather', readOnlyHint: true, openWorldHint: true },
        icons: [
          {
            src: 'https://example.com/sun.png',
            mimeType: 'image/png',
            sizes: ['48x48'],
            theme: 'dark',
          },
        ],
        _meta: { 'example.com/owner': 'team-a' },
      }),
    },
    {
      name: 'object outputSchema',
      revisions: ALL,
      value: toolsResult({
        ...TOOL,
        outputSchema: { type: 'object', properties: { temp: { type: 'number' } } },
      }),
    },
    {
      name: 'array outputSchema (object-only in 2025-06-18 and 2025-11-25)',
      revisions: only('2024-11-05', '2025-03-26', '2026-07-28'),
      value: toolsResult({ ...TOOL, outputSchema: { type: 'array', items: { type: 'string' } } }),
    },
    {
      name: 'inputSchema with 2020-12 keywords',
      revisions: ALL,
      value: toolsResult({
        ...TOOL,
        inputSchema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          $defs: { unit: { enum: ['c', 'f'] } },
          properties: { unit: { $ref: '#/$defs/unit' } },
          additionalProperties: false,
        },
      }),
    },
    {
      name: 'inputSchema with a boolean property schema',
      revisions: MODERN,
      value: toolsResult({
        ...TOOL,
        inputSchema: { type: 'object', properties: { anything: true } },
      }),
    },
    {
      name: 'unknown execution.taskSupport (only 2025-11-25 defines it)',
      revisions: [...until('2025-06-18'), ...MODERN],
      value: toolsResult({ ...TOOL, execution: { taskSupport: 'sometimes' } }),
    },
  ],
  invalid: [
    {
      name: 'missing resultType',
      revisions: MODERN,
      value: { tools: [], ttlMs: 0, cacheScope: 'public' },
      path: ['resultType'],
    },
    {
      name: 'missing ttlMs',
      revisions: MODERN,
      value: { ...COMPLETE, tools: [], cacheScope: 'public' },
      path: ['ttlMs'],
    },
    {
      name: 'missing cacheScope',
      revisions: MODERN,
      value: { ...COMPLETE, tools: [], ttlMs: 0 },
      path: ['cacheScope'],
    },
    {
      name: 'negative ttlMs',
      revisions: MODERN,
      value: { ...CACHEABLE, tools: [], ttlMs: -1 },
      path: ['ttlMs'],
    },
    {
      name: 'fractional ttlMs',
      revisions: MODERN,
      value: { ...CACHEABLE, tools: [], ttlMs: 1.5 },
      path: ['ttlMs'],
    },
    {
      name: 'unknown cacheScope',
      revisions: MODERN,
      value: { ...CACHEABLE, tools: [], cacheScope: 'shared' },
      path: ['cacheScope'],
    },
    { name: 'missing tools', revisions: ALL, value: { ...CACHEABLE }, path: ['tools'] },
    {
      name: 'tool without name',
      revisions: ALL,
      value: toolsResult({ inputSchema: { type: 'object' } }),
      path: ['tools', 0, 'name'],
    },
    {
      name: 'tool without inputSchema',
      revisions: ALL,
      value: toolsResult({ name: 'x' }),
      path: ['tools', 0, 'inputSchema'],
    },
    {
      name: 'inputSchema of type array',
      revisions: ALL,
      value: toolsResult({ name: 'x', inputSchema: { type: 'array' } }),
      path: ['tools', 0, 'inputSchema', 'type'],
    },
    {
      name: 'nextCursor is a number',
      revisions: ALL,
      value: { ...toolsResult(TOOL), nextCursor: 3 },
      path: ['nextCursor'],
    },
    {
      name: 'readOnlyHint is a string',
      revisions: from('2025-03-26'),
      value: toolsResult({ ...TOOL, annotations: { readOnlyHint: 'yes' } }),
      path: ['tools', 0, 'annotations', 'readOnlyHint'],
    },
    {
      name: 'title is a number',
      revisions: from('2025-06-18'),
      value: toolsResult({ ...TOOL, title: 5 }),
      path: ['tools', 0, 'title'],
    },
    {
      name: 'array outputSchema',
      revisions: only('2025-06-18', '2025-11-25'),
      value: toolsResult({ ...TOOL, outputSchema: { type: 'array', items: { type: 'string' } } }),
      path: ['tools', 0, 'outputSchema', 'type'],
    },
    {
      name: 'inputSchema with a boolean property schema',
      revisions: LEGACY,
      value: toolsResult({
        ...TOOL,
        inputSchema: { type: 'object', properties: { anything: true } },
      }),
      path: ['tools', 0, 'inputSchema', 'properties', 'anything'],
    },
    {
      name: 'icon without src',
      revisions: from('2025-11-25'),
      value: toolsResult({ ...TOOL, icons: [{ mimeType: 'image/png' }] }),
      path: ['tools', 0, 'icons', 0, 'src'],
    },
    {
      name: 'unknown execution.taskSupport',
      revisions: only('2025-11-25'),
      value: toolsResult({ ...TOOL, execution: { taskSupport: 'sometimes' } }),
      path: ['tools', 0, 'execution', 'taskSupport'],
    },
    {
      name: 'tool _meta is a string',
      revisions: from('2025-06-18'),
      value: toolsResult({ ...TOOL, _meta: 'x' }),
      path: ['tools', 0, '_meta'],
    },
  ],
})

/** Tool listing vectors. */
export const TOOL_VECTORS: readonly MessageVector[] = [...listToolsRequest, ...listToolsResult]
