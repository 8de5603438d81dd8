import { access, cp, rename, rm } from 'node:fs/promises'

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  )

/** `<name>.before-restore-<stamp>`: what a restore replaced, kept so it can be put back. */
export const keptName = (file: string, stamp: string): string => `${file}.before-restore-${stamp}`

/**
 * Puts a staged file or folder in place of `target` by renames, keeping the old one (and, for
 * the database, its -wal and -shm files, which belong to it alone) beside it. Returns what was
 * kept. The staged copy is next to the target, so each rename is atomic; across file systems
 * (a staged uploads folder elsewhere) it is copied next to the target first.
 */
export const swapIn = async (
  staged: string,
  target: string,
  stamp: string,
  companions: string[] = [],
): Promise<string[]> => {
  const beside = `${target}.restoring-${stamp}`
  try {
    await rename(staged, beside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    await cp(staged, beside, { recursive: true })
  }
  const kept: string[] = []
  for (const file of [target, ...companions.map((suffix) => target + suffix)]) {
    if (!(await exists(file))) continue
    await rename(file, keptName(file, stamp))
    kept.push(keptName(file, stamp))
  }
  await rename(beside, target)
  await rm(staged, { recursive: true, force: true })
  return kept
}
