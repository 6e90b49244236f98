// The 2026-07-28 multi round-trip tools (SEP-2322). Each handler simply awaits ctx.elicit /
// ctx.sample / ctx.listRoots under the input key the scenario expects: mcpkit turns an unanswered
// request into an InputRequiredResult with a signed requestState, and runs the handler again on the
// client's retry with the answers (tampered state is refused with -32602 before the handler runs).
// In the legacy era the same calls become server→client requests.
import type { ElicitResult, McpServer, RequestContext } from 'mcpkit/server'

/** A form with one required field. */
function form(name: string, type: 'string' | 'boolean') {
  return { type: 'object', properties: { [name]: { type } }, required: [name] }
}

/** The accepted value of `field`, or `fallback` when the user declined or left it out. */
function field(answer: ElicitResult, name: string, fallback = 'unknown'): string {
  const value = answer.action === 'accept' ? answer.content?.[name] : undefined
  return value === undefined ? fallback : String(value)
}

function askName(ctx: RequestContext) {
  const request = { message: 'What is your name?', requestedSchema: form('name', 'string') }
  return ctx.elicit(request, { key: 'user_name' })
}

function askConfirmation(ctx: RequestContext) {
  const request = { message: 'Please confirm', requestedSchema: form('ok', 'boolean') }
  return ctx.elicit(request, { key: 'confirm' })
}

function askGreeting(ctx: RequestContext, text: string) {
  const messages = [{ role: 'user' as const, content: { type: 'text', text } }]
  return ctx.sample({ messages, maxTokens: 50 }, { key: 'greeting' })
}

function sampledText(answer: { content: unknown }): string {
  const content = Array.isArray(answer.content) ? answer.content[0] : answer.content
  const text = (content as { text?: unknown } | undefined)?.text
  return typeof text === 'string' ? text : JSON.stringify(answer.content)
}

function registerSingleInputTools(server: McpServer): void {
  server.tool(
    'test_input_required_result_elicitation',
    { description: 'MRTR: asks for the caller name with one elicitation input request' },
    async (_args, ctx) => `Hello, ${field(await askName(ctx), 'name')}!`,
  )
  server.tool(
    'test_input_required_result_sampling',
    { description: 'MRTR: asks the client LLM a question with one sampling input request' },
    async (_args, ctx) => {
      const messages = [
        {
          role: 'user' as const,
          content: { type: 'text', text: 'What is the capital of France?' },
        },
      ]
      const answer = await ctx.sample({ messages, maxTokens: 100 }, { key: 'capital_question' })
      return `Sampling response: ${sampledText(answer)}`
    },
  )
  server.tool(
    'test_input_required_result_list_roots',
    { description: 'MRTR: asks for the client roots with one roots/list input request' },
    async (_args, ctx) => {
      const { roots } = await ctx.listRoots({ key: 'client_roots' })
      return `Client exposed ${roots.length} root(s): ${roots.map((root) => root.uri).join(', ')}`
    },
  )
  server.tool(
    'test_input_required_result_request_state',
    { description: 'MRTR: round-trips an integrity-protected requestState with a confirmation' },
    async (_args, ctx) => {
      const answer = await askConfirmation(ctx)
      // Reaching this line means mcpkit verified the requestState the client echoed.
      return `state-ok: requestState verified, confirmation ${answer.action}`
    },
  )
  server.tool(
    'test_input_required_result_tampered_state',
    { description: 'MRTR: refuses a retry whose requestState fails its integrity check' },
    async (_args, ctx) => {
      await askConfirmation(ctx)
      return 'integrity-ok: requestState verified'
    },
  )
}

function registerMultiInputTools(server: McpServer): void {
  server.tool(
    'test_input_required_result_multiple_inputs',
    { description: 'MRTR: asks for elicitation, sampling and roots input in a single round' },
    async (_args, ctx) => {
      // Started together, so all three land in the same InputRequiredResult.
      const [name, greeting, roots] = await Promise.all([
        askName(ctx),
        askGreeting(ctx, 'Generate a greeting'),
        ctx.listRoots({ key: 'client_roots' }),
      ])
      return `${sampledText(greeting)} ${field(name, 'name')}: ${roots.roots.length} root(s) visible`
    },
  )
  server.tool(
    'test_input_required_result_multi_round',
    { description: 'MRTR: two elicitation rounds, the requestState changing between them' },
    async (_args, ctx) => {
      const step1 = await ctx.elicit(
        { message: 'Step 1: What is your name?', requestedSchema: form('name', 'string') },
        { key: 'step1' },
      )
      const step2 = await ctx.elicit(
        {
          message: 'Step 2: What is your favorite color?',
          requestedSchema: form('color', 'string'),
        },
        { key: 'step2' },
      )
      return `Multi-round complete: ${field(step1, 'name')} likes ${field(step2, 'color')}`
    },
  )
  server.tool(
    'test_input_required_result_capabilities',
    { description: 'MRTR: asks only for the kinds of input the client declared it supports' },
    async (_args, ctx) => {
      const declared = ctx.clientCapabilities
      const asks: Promise<unknown>[] = []
      if (declared.elicitation !== undefined) asks.push(askName(ctx))
      if (declared.sampling !== undefined) asks.push(askGreeting(ctx, 'Generate a short greeting'))
      if (declared.roots !== undefined) asks.push(ctx.listRoots({ key: 'client_roots' }))
      if (asks.length === 0) return 'No declared client capability supports an input request'
      await Promise.all(asks)
      return 'Capability-aware input requests fulfilled'
    },
  )
}

/** Registers the multi round-trip tools and the capability diagnostic of server-stateless. */
export function registerMrtrTools(server: McpServer): void {
  registerSingleInputTools(server)
  registerMultiInputTools(server)
  server.tool(
    'test_missing_capability',
    { description: 'Needs the sampling client capability; without it the call fails with -32021' },
    async (_args, ctx) => {
      const messages = [
        {
          role: 'user' as const,
          content: { type: 'text', text: 'Reply with the single word: pong' },
        },
      ]
      await ctx.sample({ messages, maxTokens: 16 }, { key: 'llm_answer' })
      return 'sampling round-trip complete'
    },
  )
}
