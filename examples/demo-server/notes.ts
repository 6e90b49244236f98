// The demo's data: notes kept in memory for as long as the process runs.

/** One note. */
export interface Note {
  readonly id: string
  readonly title: string
  readonly body: string
  readonly tags: readonly string[]
  readonly createdAt: string
}

/** What a new note is made of. */
export interface NoteInput {
  readonly title: string
  readonly body: string
  readonly tags?: readonly string[] | undefined
}

/** Notes in memory, with a listener for changes (the server tells subscribed clients). */
export class NoteStore {
  readonly #notes = new Map<string, Note>()
  readonly #listeners = new Set<(id: string) => void>()
  #nextId = 1

  /** Calls `listener` with the id of every note added or removed; returns its removal. */
  onChange(listener: (id: string) => void): () => void {
    this.#listeners.add(listener)
    return () => this.#listeners.delete(listener)
  }

  add(input: NoteInput): Note {
    const note: Note = {
      id: String(this.#nextId++),
      title: input.title,
      body: input.body,
      tags: [...(input.tags ?? [])],
      createdAt: new Date().toISOString(),
    }
    this.#notes.set(note.id, note)
    this.#changed(note.id)
    return note
  }

  get(id: string): Note | undefined {
    return this.#notes.get(id)
  }

  delete(id: string): boolean {
    const deleted = this.#notes.delete(id)
    if (deleted) this.#changed(id)
    return deleted
  }

  list(): Note[] {
    return [...this.#notes.values()]
  }

  #changed(id: string): void {
    for (const listener of this.#listeners) listener(id)
  }
}
