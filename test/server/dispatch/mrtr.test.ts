import { afterEach, describe, expect, test, vi } from 'vitest'
import { JsonRpcErrorCode } from '../../../src/core/errors/codes.ts'
import type { ServerRegistry } from '../../../src/server/registry/server-registry.ts'
import { call, expectValidResult, MODERN, modernMeta, protocolError } from './harness.ts'
import { CAPITAL, ELICIT_NAME, mrtrServer } from './mrtr-server.ts'

const ACCEPT_NAME = { action: 'accept', content: { name: 'Alice' } }
const SAMPLED = {
  role: 'assistant',
  content: { type: 'text', text: 'Paris' },
  model: 'test-model',
  stopReason: 'endTurn',
}
const ROOTS = { roots: [{ uri: 'file:///test/root', name: 'Test Root' }] }

type Result = Record<string, unknown>

async function round(
  server: ServerRegistry,
  request: { method?: string; params: Record<string, unknown>; meta?: Record<string, unknown> },
): Promise<Result> {
  const method = request.method ?? 'tools/call'
  const params = { ...request.params, _meta: request.meta ?? modernMeta() }
  const result = await call(server, { method, params })
  return expectValidResult(MODERN, method, result)
}

function tool(name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, arguments: {}, ...extra }
}

function retry(previous: Result, inputResponses: Record<string, unknown>): Record<string, unknown> {
  return { inputResponses, requestState: previous.requestState }
}

function textOf(result: Result): string {
  return (result.content as { text: string }[]).map((block) => block.text).join('')
}

afterEach(() => {
  vi.useRealTimers()
})

describe('one round', () => {
  test('elicitation: input_required, then the retry completes', async () => {
    const server = mrtrServer()
    const first = await round(server, { params: tool('test_input_required_result_elicitation') })
    expect(first).toMatchObject({
      resultType: 'input_required',
      inputRequests: { user_name: { method: 'elicitation/create', params: ELICIT_NAME } },
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'mrtr', version: '1' } },
    })
    expect(typeof first.requestState).toBe('string')
    expect(first).not.toHaveProperty('ttlMs')
    const second = await round(server, {
      params: tool(
        'test_input_required_result_elicitation',
        retry(first, { user_name: ACCEPT_NAME }),
      ),
    })
    expect(second.resultType).toBe('complete')
    expect(textOf(second)).toBe('Hello, Alice!')
  })

  test('sampling and roots', async () => {
    const server = mrtrServer()
    const sampling = await round(server, { params: tool('test_input_required_result_sampling') })
    expect(sampling.inputRequests).toEqual({
      capital_question: { method: 'sampling/createMessage', params: CAPITAL },
    })
    const sampled = await round(server, {
      params: tool(
        'test_input_required_result_sampling',
        retry(sampling, { capital_question: SAMPLED }),
      ),
    })
    expect(textOf(sampled)).toBe('{"type":"text","text":"Paris"}')
    const roots = await round(server, { params: tool('test_input_required_result_list_roots') })
    expect(roots.inputRequests).toEqual({ client_roots: { method: 'roots/list', params: {} } })
    const listed = await round(server, {
      params: tool('test_input_required_result_list_roots', retry(roots, { client_roots: ROOTS })),
    })
    expect(textOf(listed)).toBe('file:///test/root')
  })

  test('requests started together land in one round', async () => {
    const server = mrtrServer()
    const first = await round(server, {
      params: tool('test_input_required_result_multiple_inputs'),
    })
    expect(Object.keys(first.inputRequests as object)).toEqual([
      'user_name',
      'greeting',
      'client_roots',
    ])
    const second = await round(server, {
      params: tool(
        'test_input_required_result_multiple_inputs',
        retry(first, { user_name: ACCEPT_NAME, greeting: SAMPLED, client_roots: ROOTS }),
      ),
    })
    expect(textOf(second)).toBe('Alice {"type":"text","text":"Paris"} 1')
  })

  test('answers arriving without requestState are used (the state is optional)', async () => {
    const server = mrtrServer()
    const result = await round(server, {
      params: tool('test_input_required_result_elicitation', {
        inputResponses: {
          user_name: ACCEPT_NAME,
          unknown_extra_key: { action: 'accept', content: { foo: 'bar' } },
          another_unexpected: { action: 'accept', content: { baz: 123 } },
        },
      }),
    })
    expect(textOf(result)).toBe('Hello, Alice!')
  })

  test('a missing answer is asked for again', async () => {
    const server = mrtrServer()
    const result = await round(server, {
      params: tool('test_input_required_result_elicitation', {
        inputResponses: { wrong_key: { action: 'accept', content: { data: 'wrong' } } },
      }),
    })
    expect(result.resultType).toBe('input_required')
    expect(Object.keys(result.inputRequests as object)).toEqual(['user_name'])
  })

  test('a handler that catches the wait still answers input_required', async () => {
    const result = await round(mrtrServer(), { params: tool('swallows') })
    expect(result.resultType).toBe('input_required')
  })
})

describe('several rounds', () => {
  test('multi-round: each round carries the earlier answers in a new requestState', async () => {
    const server = mrtrServer()
    const name = 'test_input_required_result_multi_round'
    const r1 = await round(server, { params: tool(name) })
    expect(Object.keys(r1.inputRequests as object)).toEqual(['step1'])
    const r2 = await round(server, { params: tool(name, retry(r1, { step1: ACCEPT_NAME })) })
    expect(r2.resultType).toBe('input_required')
    expect(Object.keys(r2.inputRequests as object)).toEqual(['step2'])
    expect(r2.requestState).not.toBe(r1.requestState)
    const color = { action: 'accept', content: { color: 'blue' } }
    const r3 = await round(server, { params: tool(name, retry(r2, { step2: color })) })
    expect(textOf(r3)).toBe('Alice likes blue')
  })

  test('default keys follow the call order', async () => {
    const server = mrtrServer()
    const r1 = await round(server, { params: tool('auto_keys') })
    expect(Object.keys(r1.inputRequests as object)).toEqual(['elicit-1'])
    const r2 = await round(server, {
      params: tool('auto_keys', retry(r1, { 'elicit-1': ACCEPT_NAME })),
    })
    expect(Object.keys(r2.inputRequests as object)).toEqual(['sample-2'])
    const r3 = await round(server, {
      params: tool('auto_keys', retry(r2, { 'sample-2': SAMPLED })),
    })
    expect(textOf(r3)).toBe('Alice {"type":"text","text":"Paris"}')
  })

  test('requestState carries only the answers the handler used', async () => {
    const server = mrtrServer()
    const name = 'test_input_required_result_multi_round'
    const r1 = await round(server, { params: tool(name) })
    const r2 = await round(server, {
      params: tool(name, retry(r1, { step1: ACCEPT_NAME, junk: { action: 'cancel' } })),
    })
    const [body] = String(r2.requestState).split('.')
    const decoded = JSON.parse(atob(String(body).replaceAll('-', '+').replaceAll('_', '/')))
    expect(Object.keys(decoded.a)).toEqual(['step1'])
  })

  test('rounds are bounded', async () => {
    const server = mrtrServer({ maxInputRounds: 2 })
    const r1 = await round(server, { params: tool('greedy') })
    const r2 = await round(server, { params: tool('greedy', retry(r1, { q0: ACCEPT_NAME })) })
    expect(r2.resultType).toBe('input_required')
    const error = await protocolError(
      round(server, { params: tool('greedy', retry(r2, { q1: ACCEPT_NAME })) }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.InternalError)
    expect(error.message).toMatch(/after 2 rounds/)
  })
})

describe('requestState integrity', () => {
  async function firstRound(server: ServerRegistry): Promise<Result> {
    return round(server, { params: tool('test_input_required_result_elicitation') })
  }

  test('tampered state is -32602', async () => {
    const server = mrtrServer()
    const first = await firstRound(server)
    const state = String(first.requestState)
    const flipped = `${state[0] === 'A' ? 'B' : 'A'}${state.slice(1)}`
    for (const requestState of [`${state}-TAMPERED`, flipped, 'garbage', `${state}.x`, '']) {
      const params = tool('test_input_required_result_elicitation', {
        inputResponses: { user_name: ACCEPT_NAME },
        requestState,
      })
      const error = await protocolError(round(server, { params }))
      expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
      expect(error.message).toMatch(/^Invalid requestState/)
    }
  })

  test('state issued for another tool or other arguments is refused', async () => {
    const server = mrtrServer()
    const first = await firstRound(server)
    const elsewhere = await protocolError(
      round(server, { params: tool('test_input_required_result_sampling', retry(first, {})) }),
    )
    expect(elsewhere.message).toMatch(/different request/)
    const otherArgs = await protocolError(
      round(server, {
        params: tool('test_input_required_result_elicitation', {
          ...retry(first, { user_name: ACCEPT_NAME }),
          arguments: { extra: 1 },
        }),
      }),
    )
    expect(otherArgs.message).toMatch(/different request/)
  })

  test('state expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const server = mrtrServer({ requestStateTtlMs: 1000 })
    const first = await firstRound(server)
    vi.setSystemTime(Date.now() + 1001)
    const params = tool(
      'test_input_required_result_elicitation',
      retry(first, { user_name: ACCEPT_NAME }),
    )
    const error = await protocolError(round(server, { params }))
    expect(error.message).toMatch(/expired/)
  })

  test('only servers sharing the secret accept each other’s state', async () => {
    const secret = 'a-secret-that-is-at-least-32-bytes-long'
    const first = await firstRound(mrtrServer({ requestStateSecret: secret }))
    const params = tool(
      'test_input_required_result_elicitation',
      retry(first, { user_name: ACCEPT_NAME }),
    )
    const shared = await round(mrtrServer({ requestStateSecret: secret }), { params })
    expect(textOf(shared)).toBe('Hello, Alice!')
    const error = await protocolError(round(mrtrServer(), { params }))
    expect(error.message).toMatch(/integrity/)
  })
})

describe('invalid answers', () => {
  test('an answer of the wrong kind is -32602', async () => {
    const params = tool('test_input_required_result_elicitation', {
      inputResponses: { user_name: ROOTS },
    })
    const error = await protocolError(round(mrtrServer(), { params }))
    expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    expect(error.message).toMatch(/inputResponses\["user_name"\].*elicitation\/create/)
  })

  test.each([{ user_name: 12345 }, null, 'text'])(
    'malformed inputResponses %j are -32602',
    async (inputResponses) => {
      const params = tool('test_input_required_result_elicitation', { inputResponses })
      const error = await protocolError(round(mrtrServer(), { params }))
      expect(error.code).toBe(JsonRpcErrorCode.InvalidParams)
    },
  )
})

describe('client capabilities', () => {
  test('asking for an undeclared capability is -32021 with a capabilities object', async () => {
    const meta = modernMeta({ capabilities: {} })
    const error = await protocolError(
      round(mrtrServer(), { params: tool('test_missing_capability'), meta }),
    )
    expect(error.code).toBe(JsonRpcErrorCode.MissingRequiredClientCapability)
    expect(error.data).toEqual({ requiredCapabilities: { sampling: {} } })
  })

  test('a handler that checks capabilities asks only for what was declared', async () => {
    const meta = modernMeta({ capabilities: { sampling: {} } })
    const result = await round(mrtrServer(), {
      params: tool('test_input_required_result_capabilities'),
      meta,
    })
    const methods = Object.values(result.inputRequests as Record<string, { method: string }>).map(
      (request) => request.method,
    )
    expect(methods).toEqual(['sampling/createMessage'])
  })

  test('url elicitation needs the url capability', async () => {
    const server = mrtrServer()
    server.tool('url', async (_args, ctx) => {
      await ctx.elicit({
        mode: 'url',
        message: 'Sign in',
        url: 'https://example.com',
        elicitationId: 'e1',
      })
      return 'ok'
    })
    const formOnly = modernMeta({ capabilities: { elicitation: {} } })
    const error = await protocolError(round(server, { params: tool('url'), meta: formOnly }))
    expect(error.data).toEqual({ requiredCapabilities: { elicitation: { url: {} } } })
    const withUrl = modernMeta({ capabilities: { elicitation: { url: {} } } })
    const result = await round(server, { params: tool('url'), meta: withUrl })
    expect(result.resultType).toBe('input_required')
  })
})

describe('other requests', () => {
  test('prompts/get asks for input like a tool', async () => {
    const server = mrtrServer()
    const params = { name: 'test_input_required_result_prompt' }
    const first = await round(server, { method: 'prompts/get', params })
    expect(Object.keys(first.inputRequests as object)).toEqual(['user_context'])
    const answer = { action: 'accept', content: { context: 'test context' } }
    const second = await round(server, {
      method: 'prompts/get',
      params: { ...params, ...retry(first, { user_context: answer }) },
    })
    expect(second.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Context: test context' } },
    ])
  })

  test('resources/read asks for input; only the complete result is cacheable', async () => {
    const server = mrtrServer()
    const first = await round(server, { method: 'resources/read', params: { uri: 'secret://x' } })
    expect(first.resultType).toBe('input_required')
    expect(first).not.toHaveProperty('cacheScope')
    const second = await round(server, {
      method: 'resources/read',
      params: { uri: 'secret://x', ...retry(first, { who: ACCEPT_NAME }) },
    })
    expect(second).toMatchObject({
      resultType: 'complete',
      contents: [{ uri: 'secret://x', text: 'x for Alice' }],
      ttlMs: 0,
      cacheScope: 'private',
    })
  })

  test('list calls never answer input_required', async () => {
    for (const method of ['tools/list', 'prompts/list']) {
      const result = await call(mrtrServer(), { method })
      expect(result.resultType).toBe('complete')
    }
  })

  test('a completion handler cannot ask for input in 2026-07-28', async () => {
    const reported: unknown[] = []
    const server = mrtrServer({ onError: (error) => reported.push(error) })
    server.completion(async (_request, ctx) => {
      await ctx.elicit(ELICIT_NAME)
      return []
    })
    const params = { ref: { type: 'ref/prompt', name: 'x' }, argument: { name: 'a', value: '' } }
    const error = await protocolError(call(server, { method: 'completion/complete', params }))
    expect(error.code).toBe(JsonRpcErrorCode.InternalError)
    expect(String(reported[0])).toMatch(/cannot ask the client for input/)
  })
})

describe('the same handler in the legacy era', () => {
  test('asks through server-to-client requests and completes in one call', async () => {
    const server = mrtrServer()
    const params = { name: 'test_input_required_result_multiple_inputs', arguments: {} }
    const respond = (method: string) =>
      method === 'elicitation/create' ? ACCEPT_NAME : method === 'roots/list' ? ROOTS : SAMPLED
    const result = await call(server, {
      method: 'tools/call',
      params,
      revision: '2025-11-25',
      respond,
    })
    expect(expectValidResult('2025-11-25', 'tools/call', result).content).toEqual([
      { type: 'text', text: 'Alice {"type":"text","text":"Paris"} 1' },
    ])
  })
})
