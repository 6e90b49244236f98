// Tools, a prompt and a resource template that ask the client for input, written once for both eras
// (the shapes follow the conformance suite's input-required-result scenarios).

import type { ServerOptions } from '../../../src/server/registry/server-options.ts'
import { ServerRegistry } from '../../../src/server/registry/server-registry.ts'

const nameSchema = {
  type: 'object',
  properties: { name: { type: 'string' } },
  required: ['name'],
}

export const ELICIT_NAME = { message: 'What is your name?', requestedSchema: nameSchema }

export const CAPITAL = {
  messages: [
    { role: 'user' as const, content: { type: 'text', text: 'What is the capital of France?' } },
  ],
  maxTokens: 100,
}

export function mrtrServer(options: Partial<ServerOptions> = {}): ServerRegistry {
  const server = new ServerRegistry({ name: 'mrtr', version: '1', ...options })
  server.tool('test_input_required_result_elicitation', async (_args, ctx) => {
    const answer = await ctx.elicit(ELICIT_NAME, { key: 'user_name' })
    return `Hello, ${String(answer.content?.name)}!`
  })
  server.tool('test_input_required_result_sampling', async (_args, ctx) => {
    const answer = await ctx.sample(CAPITAL, { key: 'capital_question' })
    return JSON.stringify(answer.content)
  })
  server.tool('test_input_required_result_list_roots', async (_args, ctx) => {
    const { roots } = await ctx.listRoots({ key: 'client_roots' })
    return roots.map((root) => root.uri).join(',')
  })
  server.tool('test_input_required_result_multiple_inputs', async (_args, ctx) => {
    const [name, greeting, roots] = await Promise.all([
      ctx.elicit(ELICIT_NAME, { key: 'user_name' }),
      ctx.sample({ ...CAPITAL, maxTokens: 50 }, { key: 'greeting' }),
      ctx.listRoots({ key: 'client_roots' }),
    ])
    return `${String(name.content?.name)} ${JSON.stringify(greeting.content)} ${roots.roots.length}`
  })
  server.tool('test_input_required_result_multi_round', async (_args, ctx) => {
    const step1 = await ctx.elicit(
      { message: 'Step 1', requestedSchema: nameSchema },
      { key: 'step1' },
    )
    const colorSchema = { type: 'object', properties: { color: { type: 'string' } } }
    const step2 = await ctx.elicit(
      { message: 'Step 2', requestedSchema: colorSchema },
      { key: 'step2' },
    )
    return `${String(step1.content?.name)} likes ${String(step2.content?.color)}`
  })
  server.tool('auto_keys', async (_args, ctx) => {
    const first = await ctx.elicit(ELICIT_NAME)
    const second = await ctx.sample(CAPITAL)
    return `${String(first.content?.name)} ${JSON.stringify(second.content)}`
  })
  server.tool('test_input_required_result_capabilities', async (_args, ctx) => {
    const asks: Promise<unknown>[] = []
    if (ctx.clientCapabilities.sampling !== undefined) asks.push(ctx.sample(CAPITAL))
    if (ctx.clientCapabilities.elicitation !== undefined) asks.push(ctx.elicit(ELICIT_NAME))
    await Promise.all(asks)
    return 'done'
  })
  server.tool('test_missing_capability', async (_args, ctx) => {
    await ctx.sample(CAPITAL)
    return 'sampled'
  })
  server.tool('swallows', async (_args, ctx) => {
    try {
      await ctx.elicit(ELICIT_NAME, { key: 'q' })
      return 'answered'
    } catch {
      return { content: [{ type: 'text', text: 'gave up' }], isError: true }
    }
  })
  server.tool('greedy', async (_args, ctx) => {
    for (let round = 0; ; round++) await ctx.elicit(ELICIT_NAME, { key: `q${round}` })
  })
  server.prompt(
    'test_input_required_result_prompt',
    { description: 'Needs context' },
    async (_args, ctx) => {
      const schema = { type: 'object', properties: { context: { type: 'string' } } }
      const answer = await ctx.elicit(
        { message: 'What context should the prompt use?', requestedSchema: schema },
        { key: 'user_context' },
      )
      return [{ role: 'user', content: `Context: ${String(answer.content?.context)}` }]
    },
  )
  server.resourceTemplate('secret://{name}', { name: 'secret' }, async ({ variables }, ctx) => {
    const answer = await ctx.elicit(ELICIT_NAME, { key: 'who' })
    return [{ text: `${variables.name} for ${String(answer.content?.name)}` }]
  })
  return server
}
