// The requests every server gets, byte for byte the same: legacy tools/call answered with JSON or
// SSE inside a session, and stateless 2026-07-28 tools/call. Also the session set-up they need.
import type { ServerKind } from './servers/server-handle.ts'
import { TOOL } from './servers/server-handle.ts'

export const LEGACY_VERSION = '2025-11-25'
export const MODERN_VERSION = '2026-07-28'
export const ENDPOINT = '/mcp'

/** The three measured request kinds. */
export const WORKLOADS = ['legacy-json', 'legacy-sse', 'modern'] as const
export type WorkloadName = (typeof WORKLOADS)[number]

/**
 * Which servers serve a workload (SDK 1.x has no 2026-07-28; SDK 2.x has two separate paths). SSE
 * also runs mcpkit without replay: the SDKs (no event store, as their docs set them up) and bare keep
 * no events, mcpkit by default records every one.
 */
export const WORKLOAD_SERVERS: Record<WorkloadName, readonly ServerKind[]> = {
  'legacy-json': ['mcpkit', 'sdk-v1', 'sdk-v2-stateful', 'bare'],
  'legacy-sse': ['mcpkit', 'mcpkit-no-replay', 'sdk-v1', 'sdk-v2-stateful', 'bare'],
  modern: ['mcpkit', 'sdk-v2-stateless', 'bare'],
}

/** What a workload's request looks like, apart from the id. */
export interface RequestShape {
  readonly headers: Readonly<Record<string, string>>
  /** The body for request id `seq`. */
  body(seq: number): string
  /** Text every good answer contains. */
  readonly expect: string
}

const ARGUMENTS = '"arguments":{"text":"hello"}'
const MODERN_META =
  `"_meta":{"io.modelcontextprotocol/protocolVersion":"${MODERN_VERSION}",` +
  '"io.modelcontextprotocol/clientCapabilities":{},' +
  '"io.modelcontextprotocol/clientInfo":{"name":"bench","version":"1.0.0"}}'
const BASE_HEADERS = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}

/** The request of `workload`; legacy ones carry `sessionId`. */
export function requestShape(workload: WorkloadName, sessionId = ''): RequestShape {
  const expect = '"text":"hello"'
  if (workload === 'modern') {
    return {
      headers: {
        ...BASE_HEADERS,
        'mcp-protocol-version': MODERN_VERSION,
        'mcp-method': 'tools/call',
        'mcp-name': TOOL.echo,
      },
      body: (seq) =>
        `{"jsonrpc":"2.0","id":${seq},"method":"tools/call","params":{"name":"${TOOL.echo}",${ARGUMENTS},${MODERN_META}}}`,
      expect,
    }
  }
  const headers = {
    ...BASE_HEADERS,
    'mcp-protocol-version': LEGACY_VERSION,
    'mcp-session-id': sessionId,
  }
  if (workload === 'legacy-json') {
    return {
      headers,
      body: (seq) =>
        `{"jsonrpc":"2.0","id":${seq},"method":"tools/call","params":{"name":"${TOOL.echo}",${ARGUMENTS}}}`,
      expect,
    }
  }
  return {
    headers,
    body: (seq) =>
      `{"jsonrpc":"2.0","id":${seq},"method":"tools/call","params":{"name":"${TOOL.echoProgress}",${ARGUMENTS},"_meta":{"progressToken":${seq}}}}`,
    expect,
  }
}

/** The initialize request body (legacy handshake). */
export function initializeBody(seq: number): string {
  return `{"jsonrpc":"2.0","id":${seq},"method":"initialize","params":{"protocolVersion":"${LEGACY_VERSION}","capabilities":{},"clientInfo":{"name":"bench","version":"1.0.0"}}}`
}

/** Headers of initialize; SDK servers pick JSON or SSE responses per session from `mode`. */
export function initializeHeaders(mode: 'json' | 'sse'): Record<string, string> {
  return { ...BASE_HEADERS, 'x-bench-response': mode }
}

/** Serialises one HTTP/1.1 request. */
export function httpRequest(
  port: number,
  input: { headers: Readonly<Record<string, string>>; body: string; method?: string },
): Buffer {
  const body = Buffer.from(input.body)
  let head = `${input.method ?? 'POST'} ${ENDPOINT} HTTP/1.1\r\nhost: 127.0.0.1:${port}\r\n`
  for (const [name, value] of Object.entries(input.headers)) head += `${name}: ${value}\r\n`
  if (body.length > 0 || input.method === undefined) head += `content-length: ${body.length}\r\n`
  return Buffer.concat([Buffer.from(`${head}\r\n`), body])
}

/**
 * Opens one legacy session: initialize, then notifications/initialized, as a client does.
 * Resolves with its id.
 */
export async function openSession(port: number, mode: 'json' | 'sse'): Promise<string> {
  const url = `http://127.0.0.1:${port}${ENDPOINT}`
  const response = await fetch(url, {
    method: 'POST',
    headers: initializeHeaders(mode),
    body: initializeBody(0),
  })
  const sessionId = response.headers.get('mcp-session-id')
  const text = await response.text()
  if (!response.ok || sessionId === null) {
    throw new Error(`initialize failed on port ${port}: ${response.status} ${text.slice(0, 200)}`)
  }
  const initialized = await fetch(url, {
    method: 'POST',
    headers: {
      ...BASE_HEADERS,
      'mcp-session-id': sessionId,
      'mcp-protocol-version': LEGACY_VERSION,
    },
    body: '{"jsonrpc":"2.0","method":"notifications/initialized"}',
  })
  await initialized.arrayBuffer()
  if (initialized.status !== 202) throw new Error(`initialized got ${initialized.status}`)
  return sessionId
}

/**
 * Sends one request of `workload` with fetch and checks the answer's kind (JSON, or SSE with the
 * progress notification before the result), so every server is known to do the same work.
 */
export async function verifyWorkload(
  port: number,
  input: { workload: WorkloadName; sessionId: string },
): Promise<void> {
  const shape = requestShape(input.workload, input.sessionId)
  const response = await fetch(`http://127.0.0.1:${port}${ENDPOINT}`, {
    method: 'POST',
    headers: shape.headers,
    body: shape.body(1),
  })
  const text = await response.text()
  const type = response.headers.get('content-type') ?? ''
  const sse = input.workload === 'legacy-sse'
  const good =
    response.status === 200 &&
    text.includes(shape.expect) &&
    type.startsWith(sse ? 'text/event-stream' : 'application/json') &&
    (!sse || /notifications\/progress[\s\S]*"text":"hello"/.test(text))
  if (!good) {
    throw new Error(
      `${input.workload} on port ${port}: ${response.status} ${type} ${text.slice(0, 300)}`,
    )
  }
}
