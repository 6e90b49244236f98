// Tools whose results exercise each kind of content block (tools-call-* scenarios). Payloads are the
// ones the scenario descriptions spell out.
import type { McpServer } from 'mcpkit/server'
import { PNG_BASE64, WAV_BASE64 } from './media.ts'

/** Registers the content tools. */
export function registerContentTools(server: McpServer): void {
  server.tool(
    'test_simple_text',
    { description: 'Returns one simple text block' },
    () => 'This is a simple text response for testing.',
  )
  server.tool('test_image_content', { description: 'Returns a base64 PNG image block' }, () => ({
    content: [{ type: 'image', data: PNG_BASE64, mimeType: 'image/png' }],
  }))
  server.tool('test_audio_content', { description: 'Returns a base64 WAV audio block' }, () => ({
    content: [{ type: 'audio', data: WAV_BASE64, mimeType: 'audio/wav' }],
  }))
  server.tool(
    'test_embedded_resource',
    { description: 'Returns an embedded text resource' },
    () => ({
      content: [
        {
          type: 'resource',
          resource: {
            uri: 'test://embedded-resource',
            mimeType: 'text/plain',
            text: 'This is an embedded resource content.',
          },
        },
      ],
    }),
  )
  server.tool(
    'test_multiple_content_types',
    { description: 'Returns text, an image and an embedded JSON resource in one result' },
    () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
        {
          type: 'resource',
          resource: {
            uri: 'test://mixed-content-resource',
            mimeType: 'application/json',
            text: JSON.stringify({ test: 'data', value: 123 }),
          },
        },
      ],
    }),
  )
  server.tool(
    'test_error_handling',
    { description: 'Always fails; the failure is reported as a tool error (isError: true)' },
    () => {
      throw new Error('This tool intentionally returns an error for testing')
    },
  )
}
