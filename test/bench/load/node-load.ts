// The Node load generator: raw keep-alive TCP connections to 127.0.0.1, one request in flight per
// connection, every response parsed and checked. Runs for a warm-up, then a measured window (time-
// or count-bounded) whose edges call back so the server's CPU time can be sampled, then stops.
import { connect, type Socket } from 'node:net'
import { type ParsedResponse, ResponseParser } from './http-response-parser.ts'

/** What to send and what a good answer looks like. */
export interface LoadTarget {
  readonly port: number
  /** The complete request bytes for connection `connection`; `seq` is unique in the run. */
  request(connection: number, seq: number): Buffer
  /** A good answer has this status (any, if not given) and, if given, contains this text. */
  readonly expectStatus?: number | undefined
  readonly expectBody?: Buffer | undefined
  /** Called with each good response of the measured window (e.g. to read a session id). */
  readonly onResponse?: ((response: ParsedResponse) => void) | undefined
}

/** How long and how hard. */
export interface LoadOptions {
  readonly connections: number
  readonly warmupMs: number
  /** The measured window: a duration, or a number of requests. */
  readonly window: { readonly ms: number } | { readonly requests: number }
  /** Sampled at the window's edges (the server's CPU time). */
  readonly onWindowStart?: () => Promise<void>
  readonly onWindowEnd?: () => Promise<void>
  /** Hard stop for the whole run. @default 120_000 */
  readonly timeoutMs?: number
}

/** What one run measured (the window only). */
export interface LoadResult {
  readonly requests: number
  readonly errors: number
  readonly firstError: string | undefined
  readonly elapsedMs: number
  readonly rps: number
  readonly p50Us: number
  readonly p90Us: number
  readonly p99Us: number
}

const MAX_SAMPLES = 1 << 21

/** Runs one load test and resolves with the window's numbers. */
export function runLoad(target: LoadTarget, options: LoadOptions): Promise<LoadResult> {
  return new LoadRun(target, options).run()
}

class LoadRun {
  readonly #target: LoadTarget
  readonly #options: LoadOptions
  readonly #samples = new Float64Array(MAX_SAMPLES)
  readonly #sockets: Socket[] = []
  #phase: 'warmup' | 'measure' | 'drain' = 'warmup'
  #seq = 0
  #count = 0
  #errors = 0
  #firstError: string | undefined = undefined
  #started = 0
  #ended = 0
  #inFlight = 0
  #finish: () => void = () => undefined

  constructor(target: LoadTarget, options: LoadOptions) {
    this.#target = target
    this.#options = options
  }

  async run(): Promise<LoadResult> {
    const drained = new Promise<void>((resolve) => {
      this.#finish = resolve
    })
    const hardStop = setTimeout(() => this.#abort('timed out'), this.#options.timeoutMs ?? 120_000)
    try {
      for (let i = 0; i < this.#options.connections; i++) this.#sockets.push(this.#open(i))
      await sleep(this.#options.warmupMs)
      await this.#options.onWindowStart?.()
      this.#started = performance.now()
      this.#phase = 'measure'
      const window = this.#options.window
      if ('ms' in window) {
        await sleep(window.ms)
        this.#endWindow()
      }
      await drained
      await this.#options.onWindowEnd?.()
    } finally {
      clearTimeout(hardStop)
      for (const socket of this.#sockets) socket.destroy()
    }
    return this.#result()
  }

  #open(index: number): Socket {
    const socket = connect({ port: this.#target.port, host: '127.0.0.1', noDelay: true })
    const parser = new ResponseParser(this.#target.onResponse !== undefined)
    let sentAt = 0
    const send = () => {
      if (this.#phase === 'drain') return
      this.#inFlight++
      sentAt = performance.now()
      socket.write(this.#target.request(index, this.#seq++))
    }
    socket.on('connect', send)
    socket.on('data', (chunk: Buffer) => {
      for (const response of parser.push(chunk)) {
        this.#inFlight--
        this.#record(response, performance.now() - sentAt)
        send()
      }
      this.#maybeDone()
    })
    socket.on('error', (error) => this.#fail(`socket: ${error.message}`))
    socket.on('close', () => {
      if (this.#phase === 'drain') return
      this.#fail('the server closed a connection')
      this.#inFlight = Math.max(0, this.#inFlight - 1)
      this.#sockets[index] = this.#open(index)
    })
    return socket
  }

  #record(response: ParsedResponse, latencyMs: number): void {
    if (this.#phase !== 'measure') return
    const { expectStatus, expectBody } = this.#target
    if (expectStatus !== undefined && response.status !== expectStatus) {
      this.#fail(`status ${response.status}: ${String(response.body).slice(0, 200)}`)
    } else if (expectBody !== undefined && response.body.indexOf(expectBody) < 0) {
      this.#fail(`unexpected body: ${String(response.body).slice(0, 200)}`)
    } else {
      this.#target.onResponse?.(response)
    }
    if (this.#count < MAX_SAMPLES) this.#samples[this.#count] = latencyMs * 1000
    this.#count++
    const window = this.#options.window
    if ('requests' in window && this.#count >= window.requests) this.#endWindow()
  }

  #endWindow(): void {
    if (this.#phase !== 'measure') return
    this.#phase = 'drain'
    this.#ended = performance.now()
    this.#maybeDone()
  }

  #maybeDone(): void {
    if (this.#phase === 'drain' && this.#inFlight <= 0) this.#finish()
  }

  #fail(message: string): void {
    if (this.#phase !== 'measure') return
    this.#errors++
    this.#firstError ??= message
  }

  #abort(reason: string): void {
    this.#firstError ??= reason
    this.#errors++
    this.#endWindow()
    this.#finish()
  }

  #result(): LoadResult {
    const count = Math.min(this.#count, MAX_SAMPLES)
    const sorted = this.#samples.subarray(0, count).sort()
    const at = (q: number) =>
      count === 0 ? 0 : (sorted[Math.min(count - 1, Math.floor(q * count))] ?? 0)
    const elapsedMs = this.#ended - this.#started
    return {
      requests: this.#count,
      errors: this.#errors,
      firstError: this.#firstError,
      elapsedMs,
      rps: (this.#count / elapsedMs) * 1000,
      p50Us: at(0.5),
      p90Us: at(0.9),
      p99Us: at(0.99),
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
