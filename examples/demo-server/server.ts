// The demo server's definition: a small notes app. Tools add, search and delete notes (searching
// reports progress and logs what it does), brew a virtual coffee slowly enough to watch the
// progress, and roll dice; resources expose the notes; a prompt asks for a summary.
import { createServer, type McpServer } from 'mcpkit/server'
import { z } from 'zod'
import { type Note, NoteStore } from './notes.ts'

const ALL_NOTES = 'notes://all'

/** The demo server and its note store. */
export interface DemoServer {
  readonly server: McpServer
  readonly notes: NoteStore
}

/** Creates the demo server with two notes to start with. */
export function createDemoServer(): DemoServer {
  const server = createServer({
    name: 'mcpkit-demo',
    title: 'mcpkit demo',
    version: '1.0.0',
    instructions:
      'A notes app. Use add_note, search_notes and delete_note; read notes://all for every note.',
  })
  const notes = new NoteStore()
  notes.onChange((id) => {
    server.resourceUpdated(ALL_NOTES)
    server.resourceUpdated(`notes://${id}`)
  })
  notes.add({ title: 'Welcome', body: 'This server runs on mcpkit.', tags: ['mcpkit'] })
  notes.add({ title: 'Shopping', body: 'Coffee beans, oat milk.', tags: ['home'] })
  registerNoteTools(server, notes)
  registerFunTools(server)
  registerResources(server, notes)
  registerPrompt(server, notes)
  return { server, notes }
}

function registerNoteTools(server: McpServer, notes: NoteStore): void {
  server.tool(
    'add_note',
    {
      title: 'Add a note',
      description: 'Saves a note and returns its id',
      inputSchema: z.object({
        title: z.string().min(1),
        body: z.string(),
        tags: z.array(z.string()).optional(),
      }),
      outputSchema: z.object({ id: z.string() }),
    },
    (input, ctx) => {
      const note = notes.add(input)
      void ctx.log('info', `saved note ${note.id}: ${note.title}`)
      return { structuredContent: { id: note.id } }
    },
  )
  server.tool(
    'search_notes',
    {
      title: 'Search notes',
      description: 'Finds notes whose title, body or tags contain the query (case-insensitive)',
      inputSchema: z.object({ query: z.string() }),
      annotations: { readOnlyHint: true },
    },
    async ({ query }, ctx) => {
      const all = notes.list()
      const needle = query.toLowerCase()
      const found: Note[] = []
      for (const [index, note] of all.entries()) {
        if (matches(note, needle)) found.push(note)
        await ctx.progress(index + 1, all.length, `searched ${index + 1} of ${all.length}`)
      }
      await ctx.log('info', `search for "${query}" found ${found.length} note(s)`)
      if (found.length === 0) return `No note matches "${query}".`
      return found.map((note) => `#${note.id} ${note.title}: ${note.body}`).join('\n')
    },
  )
  server.tool(
    'delete_note',
    {
      title: 'Delete a note',
      inputSchema: z.object({ id: z.string() }),
      annotations: { destructiveHint: true, idempotentHint: true },
    },
    ({ id }) => {
      if (!notes.delete(id))
        return { content: [{ type: 'text', text: `No note #${id}.` }], isError: true }
      return `Deleted note #${id}.`
    },
  )
}

function matches(note: Note, needle: string): boolean {
  const haystack = [note.title, note.body, ...note.tags].join('\n').toLowerCase()
  return haystack.includes(needle)
}

function registerFunTools(server: McpServer): void {
  server.tool(
    'brew_coffee',
    {
      title: 'Brew coffee',
      description: 'Brews virtual cups of coffee, half a second each, reporting progress',
      inputSchema: z.object({ cups: z.number().int().min(1).max(5) }),
    },
    async ({ cups }, ctx) => {
      for (let cup = 1; cup <= cups; cup++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        if (ctx.signal.aborted)
          return { content: [{ type: 'text', text: 'Brewing stopped.' }], isError: true }
        await ctx.progress(cup, cups, `cup ${cup} of ${cups} ready`)
        await ctx.log('debug', `poured cup ${cup}`)
      }
      return `${cups} cup(s) of coffee, ready. ☕`
    },
  )
  server.tool(
    'roll_dice',
    {
      title: 'Roll dice',
      inputSchema: z.object({
        count: z.number().int().min(1).max(10).default(1),
        sides: z.number().int().min(2).max(100).default(6),
      }),
      outputSchema: z.object({ rolls: z.array(z.number()), total: z.number() }),
    },
    ({ count, sides }) => {
      const rolls = Array.from({ length: count }, () => 1 + Math.floor(Math.random() * sides))
      return { structuredContent: { rolls, total: rolls.reduce((sum, roll) => sum + roll, 0) } }
    },
  )
}

function registerResources(server: McpServer, notes: NoteStore): void {
  server.resource(
    ALL_NOTES,
    { name: 'all-notes', title: 'All notes', mimeType: 'application/json' },
    () => [{ text: JSON.stringify(notes.list(), null, 2) }],
  )
  server.resourceTemplate(
    'notes://{id}',
    {
      name: 'note',
      title: 'One note',
      mimeType: 'text/markdown',
      complete: {
        id: (value) =>
          notes
            .list()
            .map((n) => n.id)
            .filter((id) => id.startsWith(value)),
      },
    },
    ({ uri, variables }) => {
      const note = notes.get(variables.id ?? '')
      if (note === undefined) return undefined
      return [{ uri, text: `# ${note.title}\n\n${note.body}\n\nTags: ${note.tags.join(', ')}` }]
    },
  )
}

function registerPrompt(server: McpServer, notes: NoteStore): void {
  server.prompt(
    'summarize_notes',
    {
      title: 'Summarize notes',
      description: 'Asks the model for a short summary of the notes, optionally of one tag',
      arguments: [
        {
          name: 'tag',
          description: 'Only notes with this tag',
          complete: (value) =>
            [...new Set(notes.list().flatMap((n) => n.tags))].filter((t) => t.startsWith(value)),
        },
      ],
    },
    ({ tag }) => {
      const chosen = notes.list().filter((note) => tag === undefined || note.tags.includes(tag))
      const text = chosen.map((note) => `- ${note.title}: ${note.body}`).join('\n')
      return [{ role: 'user', content: `Summarize these notes in two sentences:\n\n${text}` }]
    },
  )
}
