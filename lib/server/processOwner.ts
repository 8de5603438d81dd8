import fs from 'node:fs'

/**
 * Which process wrote something, well enough to tell later whether it is still running. A pid
 * alone is not enough: a restarted container's server often gets the pid its killed predecessor
 * had, so Linux's start time of the process (in /proc) goes with it.
 */
export type Owner = { pid: number; start: string | null }

const startOf = (pid: number): string | null => {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The fields after the command name, which may itself hold spaces and parentheses; the
    // start time is the 22nd field of the line, the 20th of these.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

const self: Owner = { pid: process.pid, start: startOf(process.pid) }

export const thisProcess = (): Owner => self

/** Whether the process that wrote as `owner` is still running. */
export const isRunning = (owner: Owner): boolean => {
  if (owner.start !== null) return startOf(owner.pid) === owner.start
  // No /proc (not Linux): the pid alone.
  try {
    process.kill(owner.pid, 0)
    return true
  } catch {
    return false
  }
}
