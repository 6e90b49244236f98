// A minimal HTTP/1.1 response parser for the load generator: status, Content-Length or chunked
// bodies, keep-alive. Just enough to count answers and check them, and cheap per response.

const HEADER_END = Buffer.from('\r\n\r\n')
const CRLF = Buffer.from('\r\n')

/** One complete response. */
export interface ParsedResponse {
  readonly status: number
  /** The header block (without the status line), lower-cased, only when asked for. */
  readonly headers: string | undefined
  readonly body: Buffer
}

/** Parses responses from a stream of chunks; call `push` with each chunk. */
export class ResponseParser {
  readonly #captureHeaders: boolean
  #buffer: Buffer | undefined = undefined
  #status = 0
  #headers: string | undefined = undefined
  // -1: headers not read yet; otherwise where the body starts.
  #bodyStart = -1
  #contentLength = -1
  #chunked = false
  #chunkPos = 0
  #parts: Buffer[] = []

  constructor(captureHeaders: boolean) {
    this.#captureHeaders = captureHeaders
  }

  /** Adds bytes; returns every response they complete (usually zero or one). */
  push(chunk: Buffer): ParsedResponse[] {
    this.#buffer = this.#buffer === undefined ? chunk : Buffer.concat([this.#buffer, chunk])
    const done: ParsedResponse[] = []
    for (;;) {
      const response = this.#next()
      if (response === undefined) return done
      done.push(response)
    }
  }

  #next(): ParsedResponse | undefined {
    const buffer = this.#buffer
    if (buffer === undefined) return undefined
    if (this.#bodyStart < 0 && !this.#readHead(buffer)) return undefined
    const body = this.#chunked ? this.#readChunks(buffer) : this.#readFixed(buffer)
    if (body === undefined) return undefined
    const response = { status: this.#status, headers: this.#headers, body }
    this.#bodyStart = -1
    this.#parts = []
    return response
  }

  #readHead(buffer: Buffer): boolean {
    const end = buffer.indexOf(HEADER_END)
    if (end < 0) return false
    const head = buffer.toString('latin1', 0, end).toLowerCase()
    this.#status = Number(head.slice(9, 12))
    const lineEnd = head.indexOf('\r\n')
    this.#headers = this.#captureHeaders ? head.slice(lineEnd + 2) : undefined
    const length = /\r\ncontent-length:\s*(\d+)/.exec(head)
    this.#contentLength = length === null ? -1 : Number(length[1])
    this.#chunked = length === null && head.includes('transfer-encoding: chunked')
    if (length === null && !this.#chunked) this.#contentLength = 0
    this.#bodyStart = end + 4
    this.#chunkPos = this.#bodyStart
    return true
  }

  #readFixed(buffer: Buffer): Buffer | undefined {
    const end = this.#bodyStart + this.#contentLength
    if (buffer.length < end) return undefined
    const body = buffer.subarray(this.#bodyStart, end)
    this.#buffer = buffer.length === end ? undefined : buffer.subarray(end)
    return body
  }

  #readChunks(buffer: Buffer): Buffer | undefined {
    for (;;) {
      const lineEnd = buffer.indexOf(CRLF, this.#chunkPos)
      if (lineEnd < 0) return undefined
      const size = Number.parseInt(buffer.toString('latin1', this.#chunkPos, lineEnd), 16)
      if (size === 0) {
        const end = buffer.indexOf(CRLF, lineEnd + 2)
        if (end < 0) return undefined
        this.#buffer = buffer.length === end + 2 ? undefined : buffer.subarray(end + 2)
        return this.#parts.length === 1 ? (this.#parts[0] as Buffer) : Buffer.concat(this.#parts)
      }
      const dataEnd = lineEnd + 2 + size
      if (buffer.length < dataEnd + 2) return undefined
      this.#parts.push(buffer.subarray(lineEnd + 2, dataEnd))
      this.#chunkPos = dataEnd + 2
    }
  }
}
