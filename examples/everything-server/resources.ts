// Resources of the fixture contract: a static text and a static binary resource, a template, and a
// subscribable resource whose content changes while the server runs.
import type { McpServer } from 'mcpkit/server'
import { PNG_BASE64 } from './media.ts'

/** The subscribable resource; {@link WatchedResource.touch} changes it and notifies subscribers. */
export const WATCHED_URI = 'test://watched-resource'

/** The watched resource's current content. */
export interface WatchedResource {
  /** Changes the content and sends `notifications/resources/updated` to subscribers. */
  touch(): void
}

const TEMPLATE_IDS = ['1', '2', '3', '42', '123']

/** Registers the resources; returns the handle that updates the watched one. */
export function registerResources(server: McpServer): WatchedResource {
  server.resource(
    'test://static-text',
    {
      name: 'static-text',
      title: 'Static Text Resource',
      description: 'A static text resource for testing',
      mimeType: 'text/plain',
    },
    () => [{ mimeType: 'text/plain', text: 'This is the content of the static text resource.' }],
  )
  server.resource(
    'test://static-binary',
    {
      name: 'static-binary',
      title: 'Static Binary Resource',
      description: 'A static binary resource (a PNG image) for testing',
      mimeType: 'image/png',
    },
    () => [{ mimeType: 'image/png', blob: PNG_BASE64 }],
  )
  server.resourceTemplate(
    'test://template/{id}/data',
    {
      name: 'template',
      title: 'Resource Template',
      description: 'A resource template with parameter substitution',
      mimeType: 'application/json',
      complete: { id: (value) => TEMPLATE_IDS.filter((id) => id.startsWith(value)) },
    },
    ({ variables }) => {
      const id = variables.id ?? ''
      const data = { id, templateTest: true, data: `Data for ID: ${id}` }
      return [{ mimeType: 'application/json', text: JSON.stringify(data) }]
    },
  )
  return registerWatched(server)
}

function registerWatched(server: McpServer): WatchedResource {
  let version = 0
  server.resource(
    WATCHED_URI,
    {
      name: 'watched-resource',
      title: 'Watched Resource',
      description: 'A subscribable resource whose content changes every few seconds',
      mimeType: 'text/plain',
    },
    () => [
      {
        mimeType: 'text/plain',
        text:
          version === 0
            ? 'Watched resource content'
            : `Watched resource content (update ${version})`,
      },
    ],
  )
  return {
    touch() {
      version++
      server.resourceUpdated(WATCHED_URI)
    },
  }
}
