// The parent's side of a benchmarked server child (servers/child.ts): start it, ask it for its CPU
// time, memory and session count, stop it. Every child is started here, and only these are stopped.
import { type ChildProcess, fork } from 'node:child_process'
import { buildChildren } from './build-children.ts'
import type { ChildRequest, MemorySample } from './servers/child.ts'
import type { ServerKind } from './servers/server-handle.ts'

let compiled: Promise<string> | undefined
const START_TIMEOUT_MS = 30_000
const ANSWER_TIMEOUT_MS = 60_000

/** How to start a child. */
export interface ChildOptions {
  /** The server's session cap. @default 100_000 */
  readonly maxSessions?: number
  /** Extra node flags (e.g. `--cpu-prof`, `--max-old-space-size=…`). */
  readonly nodeFlags?: readonly string[]
}

type Pending = { resolve: (value: Record<string, unknown>) => void; reject: (e: Error) => void }

/** One server child process. */
export class ServerProcess {
  readonly kind: ServerKind
  readonly port: number
  readonly #child: ChildProcess
  readonly #pending = new Map<number, Pending>()
  #seq = 0
  #stderr = ''
  #exit: string | undefined = undefined

  private constructor(kind: ServerKind, child: ChildProcess, port: number) {
    this.kind = kind
    this.#child = child
    this.port = port
    child.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk).slice(-4000)
    })
    child.on('message', (message: { seq: number } & Record<string, unknown>) => {
      this.#pending.get(message.seq)?.resolve(message)
      this.#pending.delete(message.seq)
    })
    child.on('exit', (code, signal) => {
      this.#exit = `exit code ${code}, signal ${signal}`
      for (const pending of this.#pending.values()) pending.reject(new Error(this.crashReport()))
      this.#pending.clear()
    })
  }

  /** Starts a child and waits until it listens. */
  static async start(kind: ServerKind, options: ChildOptions = {}): Promise<ServerProcess> {
    compiled ??= buildChildren(['servers/child.ts']).then(
      (outputs) => outputs['servers/child.ts'] as string,
    )
    const child = fork(await compiled, [kind, String(options.maxSessions ?? 100_000)], {
      execArgv: ['--expose-gc', ...(options.nodeFlags ?? [])],
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    })
    return new Promise((resolve, reject) => {
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk
      })
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        reject(new Error(`${kind} did not start within ${START_TIMEOUT_MS} ms\n${stderr}`))
      }, START_TIMEOUT_MS)
      child.once('message', (message: { port: number }) => {
        clearTimeout(timer)
        resolve(new ServerProcess(kind, child, message.port))
      })
      child.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`${kind} exited with code ${code} before listening\n${stderr}`))
      })
    })
  }

  /** The child's process id. */
  get pid(): number | undefined {
    return this.#child.pid
  }

  /** Whether the process is still running. */
  get alive(): boolean {
    return this.#exit === undefined
  }

  /** Why the process ended, with the end of its stderr. */
  crashReport(): string {
    return `${this.kind} ended (${this.#exit ?? 'running'}): ${this.#stderr.trim().split('\n').slice(-3).join(' | ')}`
  }

  /** The child's own CPU time so far (user + system), in microseconds. */
  async cpuMicros(): Promise<number> {
    return (await this.#ask('cpu')).cpuMicros as number
  }

  /** The child's CPU time so far, split: user and user + system, in microseconds. */
  async cpuTimes(): Promise<{ user: number; total: number }> {
    const answer = await this.#ask('cpu')
    return { user: answer.userMicros as number, total: answer.cpuMicros as number }
  }

  /** Heap and RSS after forced garbage collection. */
  async memory(): Promise<MemorySample> {
    return (await this.#ask('mem')) as unknown as MemorySample
  }

  /** Sessions the server holds. */
  async sessions(): Promise<number> {
    return (await this.#ask('sessions')).sessions as number
  }

  /** Opens `count` sessions in-process (servers that can); resolves with the time taken. */
  async fill(count: number): Promise<number> {
    return (await this.#ask('fill', { count, timeoutMs: 600_000 })).ms as number
  }

  /** Stops the child (politely, then by force). */
  async stop(): Promise<void> {
    if (!this.alive) return
    const exited = new Promise((resolve) => this.#child.once('exit', resolve))
    this.#ask('exit').catch(() => undefined)
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), 5_000)
    await exited
    clearTimeout(timer)
  }

  #ask(
    op: ChildRequest['op'],
    options: { count?: number; timeoutMs?: number } = {},
  ): Promise<Record<string, unknown>> {
    if (!this.alive) return Promise.reject(new Error(this.crashReport()))
    const seq = ++this.#seq
    const timeoutMs = options.timeoutMs ?? ANSWER_TIMEOUT_MS
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(seq)
        reject(new Error(`${this.kind} did not answer '${op}' within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#pending.set(seq, {
        resolve: (value) => {
          clearTimeout(timer)
          if (typeof value.error === 'string') reject(new Error(`${this.kind}: ${value.error}`))
          else resolve(value)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      const request: ChildRequest =
        options.count === undefined ? { seq, op } : { seq, op, count: options.count }
      this.#child.send(request)
    })
  }
}
