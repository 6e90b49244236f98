// Prompts of the fixture contract, plus the 2026-07-28 prompt that needs elicitation input before
// it renders (prompts/get answering with an InputRequiredResult).
import type { McpServer } from 'mcpkit/server'
import { PNG_BASE64 } from './media.ts'

const SUGGESTIONS = ['paris', 'park', 'party', 'test', 'testing', 'hello', 'world']

const complete = (value: string) => {
  const prefix = value.toLowerCase()
  return SUGGESTIONS.filter((word) => word.startsWith(prefix))
}

/** Registers the prompts. */
export function registerPrompts(server: McpServer): void {
  server.prompt(
    'test_simple_prompt',
    { title: 'Simple Test Prompt', description: 'A simple prompt without arguments' },
    () => [{ role: 'user', content: 'This is a simple prompt for testing.' }],
  )
  server.prompt(
    'test_prompt_with_arguments',
    {
      title: 'Prompt With Arguments',
      description: 'A prompt with two required arguments',
      arguments: [
        { name: 'arg1', description: 'First test argument', required: true, complete },
        { name: 'arg2', description: 'Second test argument', required: true, complete },
      ],
    },
    ({ arg1, arg2 }) => [
      { role: 'user', content: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` },
    ],
  )
  server.prompt(
    'test_prompt_with_embedded_resource',
    {
      title: 'Prompt With Embedded Resource',
      description: 'A prompt that embeds the resource it is given',
      arguments: [
        { name: 'resourceUri', description: 'URI of the resource to embed', required: true },
      ],
    },
    ({ resourceUri }) => [
      {
        role: 'user',
        content: {
          type: 'resource',
          resource: {
            uri: resourceUri ?? '',
            mimeType: 'text/plain',
            text: 'Embedded resource content for testing.',
          },
        },
      },
      { role: 'user', content: 'Please process the embedded resource above.' },
    ],
  )
  server.prompt(
    'test_prompt_with_image',
    { title: 'Prompt With Image', description: 'A prompt that includes an image' },
    () => [
      { role: 'user', content: { type: 'image', data: PNG_BASE64, mimeType: 'image/png' } },
      { role: 'user', content: 'Please analyze the image above.' },
    ],
  )
  server.prompt(
    'test_input_required_result_prompt',
    {
      title: 'MRTR Prompt',
      description: 'MRTR: asks for context through elicitation before rendering',
    },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        {
          message: 'What context should the prompt use?',
          requestedSchema: {
            type: 'object',
            properties: { context: { type: 'string' } },
            required: ['context'],
          },
        },
        { key: 'user_context' },
      )
      const context = answer.action === 'accept' ? String(answer.content?.context ?? '') : ''
      return [{ role: 'user', content: `Use the following context: ${context}` }]
    },
  )
}
