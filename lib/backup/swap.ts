import { access, cp, rename, rm } from 'node:fs/promises'

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

/** `<name>.before-restore-<stamp>`: what a restore replaced, kept so it can be put back. */
export const keptName = (file: string, stamp: string): string => `${file}.before-restore-${stamp}`

/** A staged file or folder to put in place of `target`, with the target's companion files. */
export type Swap = {
  staged: string
  target: string
  /** Suffixes of files that belong to the target alone (a database's -wal and -shm). */
  companions: string[]
}

/** Moves a staged copy next to its target, so the swap itself is renames within one folder. */
const placeBeside = async ({ staged, target }: Swap, stamp: string, besides: string[]) => {
  const beside = `${target}.restoring-${stamp}`
  // Recorded first: a copy that fails halfway (a full disk) is removed with the rest.
  besides.push(beside)
  try {
    await rename(staged, beside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(staged, beside, { recursive: true })
  }
  return beside
}

/**
 * Puts every staged copy in place of its target, all or none. First each copy is moved next to
 * its target (the slow part, a copy when it comes from another file system), touching nothing
 * live. Then only renames: each target and its companions to `keptName`, and the copy into its
 * place. If any rename fails, those done are undone in reverse order, so the site is left as it
 * was (a database restored without its uploads would point at images that are not there).
 * Should an undo fail too, the error lists every rename and which could not be undone, so an
 * operator can finish by hand. Returns what was kept.
 */
export const swapAllIn = async (swaps: Swap[], stamp: string): Promise<string[]> => {
  const besides: string[] = []
  const done: [from: string, to: string][] = []
  try {
    for (const swap of swaps) await placeBeside(swap, stamp, besides)
    for (const [i, { target, companions }] of swaps.entries()) {
      for (const file of [target, ...companions.map((suffix) => target + suffix)]) {
        if (!(await exists(file))) continue
        await rename(file, keptName(file, stamp))
        done.push([file, keptName(file, stamp)])
      }
      await rename(besides[i]!, target)
      done.push([besides[i]!, target])
    }
  } catch (error) {
    const notUndone: string[] = []
    for (const [from, to] of done.reverse()) {
      await rename(to, from).catch((undo: unknown) =>
        notUndone.push(`${to} -> ${from} (${String(undo)})`),
      )
    }
    for (const beside of besides) await rm(beside, { recursive: true, force: true })
    if (notUndone.length === 0) throw error
    throw new AggregateError(
      [error],
      `The restore failed and could not undo every rename; put these back by hand: ${notUndone.join('; ')}`,
    )
  }
  return done.filter(([from]) => !besides.includes(from)).map(([, to]) => to)
}
