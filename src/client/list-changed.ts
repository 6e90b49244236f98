/**
 * The notifications that say a server's lists or resources changed, and what each one concerns:
 * the `ListenFilter` flag that subscribes to it, and the list methods whose cached pages it makes
 * stale. Subscriptions and the result cache read the same table.
 *
 * @internal
 */

/** A `ListenFilter` flag that subscribes to one list-changed notification. */
export type ListChangedFlag = 'toolsListChanged' | 'promptsListChanged' | 'resourcesListChanged'

/** What one list-changed notification concerns. */
export interface ListChange {
  readonly flag: ListChangedFlag
  /** The list methods whose results it invalidates. */
  readonly lists: readonly string[]
}

/** The list-changed notifications by method. A `Map`, so no method name reaches a prototype. */
export const LIST_CHANGES: ReadonlyMap<string, ListChange> = new Map([
  ['notifications/tools/list_changed', { flag: 'toolsListChanged', lists: ['tools/list'] }],
  ['notifications/prompts/list_changed', { flag: 'promptsListChanged', lists: ['prompts/list'] }],
  [
    'notifications/resources/list_changed',
    { flag: 'resourcesListChanged', lists: ['resources/list', 'resources/templates/list'] },
  ],
])

/** The notification for one subscribed resource URI. */
export const RESOURCE_UPDATED = 'notifications/resources/updated'
