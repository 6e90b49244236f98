/**
 * An ordered list of registered items. Lists are answered in registration order (deterministic
 * `tools/list`), and each revision's projection is built once and reused until the list changes,
 * so a list call only slices a cached array.
 */
import type { ProtocolRevision } from '../../core/eras/versions.ts'
import { ConfigError } from '../../core/errors/config-error.ts'

/** Options of {@link ItemList}. */
export interface ItemListOptions<TEntry> {
  /** What the list holds, for messages (`tool`, `prompt`, …). */
  readonly label: string
  /** The wire object of an entry for a revision. */
  readonly project: (entry: TEntry, revision: ProtocolRevision) => Record<string, unknown>
  /** Called after every change. */
  readonly onChange: () => void
}

/** Registered items by key, in registration order. */
export class ItemList<TEntry> {
  readonly #items = new Map<string, TEntry>()
  readonly #projected = new Map<ProtocolRevision, readonly Record<string, unknown>[]>()
  readonly #options: ItemListOptions<TEntry>
  #values: readonly TEntry[] | undefined

  constructor(options: ItemListOptions<TEntry>) {
    this.#options = options
  }

  /** How many items the list holds. */
  get size(): number {
    return this.#items.size
  }

  /** The item registered under `key`. */
  get(key: string): TEntry | undefined {
    return this.#items.get(key)
  }

  /** Adds an item; throws a `ConfigError` when `key` is taken. */
  add(key: string, entry: TEntry): void {
    if (this.#items.has(key)) {
      throw new ConfigError({
        option: `${this.#options.label}s.${key}`,
        value: key,
        message: `A ${this.#options.label} named ${JSON.stringify(key)} is already registered`,
      })
    }
    this.#items.set(key, entry)
    this.#changed()
  }

  /** Replaces the item under `key`, keeping its position; does nothing for an unknown key. */
  replace(key: string, entry: TEntry): void {
    if (!this.#items.has(key)) return
    this.#items.set(key, entry)
    this.#changed()
  }

  /** Removes the item under `key`; returns whether there was one. */
  remove(key: string): boolean {
    if (!this.#items.delete(key)) return false
    this.#changed()
    return true
  }

  /** The items, in registration order. */
  values(): readonly TEntry[] {
    this.#values ??= [...this.#items.values()]
    return this.#values
  }

  /** The items' wire objects for `revision`, built on first use after each change. */
  projected(revision: ProtocolRevision): readonly Record<string, unknown>[] {
    let projected = this.#projected.get(revision)
    if (projected === undefined) {
      projected = this.values().map((entry) => this.#options.project(entry, revision))
      this.#projected.set(revision, projected)
    }
    return projected
  }

  #changed(): void {
    this.#values = undefined
    this.#projected.clear()
    this.#options.onChange()
  }
}
