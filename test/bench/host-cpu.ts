// What the machine's CPUs did while the bench ran, from Linux's /proc/stat: the share of CPU time
// the hypervisor gave to other guests (steal), which no process here can see in its own numbers.
import { readFileSync } from 'node:fs'

/** The aggregate `cpu` line of /proc/stat, in clock ticks. */
export interface HostCpuTimes {
  readonly steal: number
  readonly total: number
}

/** The host's CPU counters now, or undefined where /proc/stat does not exist. */
export function hostCpuTimes(): HostCpuTimes | undefined {
  let text: string
  try {
    text = readFileSync('/proc/stat', 'utf8')
  } catch {
    return undefined
  }
  return parseProcStat(text)
}

/**
 * Reads the first line (`cpu  user nice system idle iowait irq softirq steal guest guest_nice`).
 * Guest time is already counted in user and nice, so it is left out of the total.
 */
export function parseProcStat(text: string): HostCpuTimes | undefined {
  const line = text.split('\n', 1)[0] ?? ''
  const fields = line.trim().split(/\s+/)
  if (fields[0] !== 'cpu' || fields.length < 9) return undefined
  const ticks = fields.slice(1, 9).map(Number)
  if (ticks.some((n) => !Number.isFinite(n))) return undefined
  return { steal: ticks[7] as number, total: ticks.reduce((sum, n) => sum + n, 0) }
}

/** Steal as a share of all CPU time between two readings; undefined without both. */
export function stealShare(
  start: HostCpuTimes | undefined,
  end: HostCpuTimes | undefined,
): number | undefined {
  if (start === undefined || end === undefined || end.total <= start.total) return undefined
  return (end.steal - start.steal) / (end.total - start.total)
}
