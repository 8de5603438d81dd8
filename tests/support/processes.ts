import { type ChildProcess, spawn } from 'node:child_process'

export type ProcessGroup = {
  child: ChildProcess
  /** Everything it wrote to stdout and stderr so far (and why it could not start, if so). */
  logs: () => string
  /** Whether it is still running (not exited, and it did start). */
  running: () => boolean
  /** Signals the whole group and waits for it to exit, five seconds at most. */
  end: (signal?: NodeJS.Signals) => Promise<void>
}

/**
 * Starts a program for a test or the bench in a process group of its own, so that stopping it
 * also stops whatever it started (Next's workers, Varnish's child, nginx's workers).
 */
export const spawnGroup = (
  command: string,
  args: string[],
  env: Record<string, string | undefined> = {},
): ProcessGroup => {
  let output = ''
  let failed = false
  const child = spawn(command, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  child.once('error', (error) => {
    failed = true
    output += String(error)
  })
  const running = () => !failed && child.exitCode === null && child.signalCode === null
  const end = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (!running() || !child.pid) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    try {
      process.kill(-child.pid, signal)
    } catch {
      // already gone
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))])
  }
  return { child, logs: () => output, running, end }
}
