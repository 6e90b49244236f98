// Tools that ask the client for input while they run: sampling and elicitation, including the
// SEP-1034 default values and SEP-1330 enum forms. In the legacy era these are server→client
// requests on the call's stream; a client lacking the capability gets a tool error explaining why.
import type { McpServer, RequestContext } from 'mcpkit/server'
import { z } from 'zod'

/** The SEP-1034 form: a default value for every primitive type. */
const DEFAULTS_FORM = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'User name', default: 'John Doe' },
    age: { type: 'integer', description: 'User age', default: 30 },
    score: { type: 'number', description: 'User score', default: 95.5 },
    status: {
      type: 'string',
      description: 'User status',
      enum: ['active', 'inactive', 'pending'],
      default: 'active',
    },
    verified: { type: 'boolean', description: 'Verification status', default: true },
  },
  required: [],
} as const

const option = (value: string, title: string) => ({ const: value, title })

/** The SEP-1330 form: the five enum variants (untitled, titled, legacy enumNames, two multi-selects). */
const ENUMS_FORM = {
  type: 'object',
  properties: {
    untitledSingle: {
      type: 'string',
      description: 'Select one option',
      enum: ['option1', 'option2', 'option3'],
    },
    titledSingle: {
      type: 'string',
      description: 'Select one option with titles',
      oneOf: [
        option('value1', 'First Option'),
        option('value2', 'Second Option'),
        option('value3', 'Third Option'),
      ],
    },
    legacyEnum: {
      type: 'string',
      description: 'Select one option (legacy)',
      enum: ['opt1', 'opt2', 'opt3'],
      enumNames: ['Option One', 'Option Two', 'Option Three'],
    },
    untitledMulti: {
      type: 'array',
      description: 'Select multiple options',
      minItems: 1,
      maxItems: 3,
      items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
    },
    titledMulti: {
      type: 'array',
      description: 'Select multiple options with titles',
      minItems: 1,
      maxItems: 3,
      items: {
        anyOf: [
          option('value1', 'First Choice'),
          option('value2', 'Second Choice'),
          option('value3', 'Third Choice'),
        ],
      },
    },
  },
  required: [],
} as const

/** Runs `ask`; a failure (no capability, client error) becomes text the caller can read. */
async function describeAnswer(
  ask: () => Promise<{ action: string; content?: unknown }>,
  label: string,
): Promise<string> {
  try {
    const answer = await ask()
    return `${label}: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`
  } catch (error) {
    return `Elicitation not supported or failed: ${error instanceof Error ? error.message : String(error)}`
  }
}

function elicitForm(ctx: RequestContext, message: string, form: Record<string, unknown>) {
  return () => ctx.elicit({ message, requestedSchema: form })
}

/** Registers the sampling and elicitation tools. */
export function registerClientInputTools(server: McpServer): void {
  server.tool(
    'test_sampling',
    {
      description: 'Asks the client to sample its LLM with the given prompt',
      inputSchema: z.object({ prompt: z.string().describe('The prompt to send to the LLM') }),
    },
    async ({ prompt }, ctx) => {
      const answer = await ctx.sample({
        messages: [{ role: 'user', content: { type: 'text', text: prompt } }],
        maxTokens: 100,
      })
      const content = Array.isArray(answer.content) ? answer.content[0] : answer.content
      const text = typeof content?.text === 'string' ? content.text : JSON.stringify(content)
      return `LLM response: ${text}`
    },
  )
  server.tool(
    'test_elicitation',
    {
      description: 'Asks the user for a username and email address through elicitation',
      inputSchema: z.object({ message: z.string().describe('The message to show the user') }),
    },
    async ({ message }, ctx) => {
      const form = {
        type: 'object',
        properties: {
          username: { type: 'string', description: "User's response" },
          email: { type: 'string', description: "User's email address" },
        },
        required: ['username', 'email'],
      }
      return describeAnswer(elicitForm(ctx, message, form), 'User response')
    },
  )
  server.tool(
    'test_elicitation_sep1034_defaults',
    { description: 'Elicitation whose form gives a default for every primitive type (SEP-1034)' },
    (_args, ctx) =>
      describeAnswer(
        elicitForm(ctx, 'Please review and update the form fields with defaults', DEFAULTS_FORM),
        'Elicitation completed',
      ),
  )
  server.tool(
    'test_elicitation_sep1330_enums',
    { description: 'Elicitation using the five enum schema variants (SEP-1330)' },
    (_args, ctx) =>
      describeAnswer(
        elicitForm(ctx, 'Please select options from the enum fields', ENUMS_FORM),
        'Elicitation completed',
      ),
  )
}
