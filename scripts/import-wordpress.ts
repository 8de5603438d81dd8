/**
 * npm run import:wordpress -- <export.xml> [--dry-run] [--media-dir <uploads folder>]
 *   [--staff <login>[,<login>...]] [--report <file.json>]
 *
 * Imports a WordPress export (Tools → Export → All content) into this blog's database (the one
 * DATABASE_URI names). Set REVALIDATE_URL to the running server so its pages refresh at once.
 * --staff names the WordPress editors and administrators, whose comments become staff replies:
 * an export does not say who they are.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import { SingleBar } from 'cli-progress'

import { type ImportReport, KINDS, countWork, importWordpress } from '@/tools/importer/run'
import { StaffLoginError, staffAuthors, staffOptionSchema } from '@/tools/importer/staff'
import { runScript } from '@/scripts/finished'
import { WxrError } from '@/tools/importer/wxr'
import { type WxrSource, readWxrFile } from '@/tools/importer/wxrFile'

const USAGE = `Usage: npm run import:wordpress -- <export.xml> [--dry-run] [--media-dir <uploads folder>]
       [--staff <login>[,<login>...]] [--report <file.json>]
  --media-dir  the site's wp-content/uploads folder; files linked from outside it are refused
  --staff      WordPress logins of the editors and administrators: their comments become staff
               replies (an export does not say who they are; without it, none are)`

const parseArgs = (argv: string[]) => {
  const args = {
    file: '',
    dryRun: false,
    mediaDir: undefined as string | undefined,
    report: 'import-report.json',
    staffLogins: [] as string[],
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--dry-run') args.dryRun = true
    else if (arg === '--media-dir') args.mediaDir = argv[++i]
    else if (arg === '--report') args.report = argv[++i] ?? args.report
    else if (arg === '--staff') {
      const staff = staffOptionSchema.safeParse(argv[++i])
      if (!staff.success) throw new Error(`${staff.error.issues[0]?.message}\n${USAGE}`)
      args.staffLogins.push(...staff.data)
    } else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}.\n${USAGE}`)
    else if (!args.file) args.file = arg
    else throw new Error(`Only one export file, please.\n${USAGE}`)
  }
  if (!args.file) throw new Error(USAGE)
  if (args.mediaDir === '') throw new Error(`--media-dir needs a folder.\n${USAGE}`)
  return args
}

const printReport = (report: ImportReport) => {
  const out = (line: string) => process.stdout.write(`${line}\n`)
  out(`\n${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${report.site}`)
  out('what          imported  updated  unchanged  skipped')
  for (const kind of KINDS) {
    const t = report.counts[kind]
    out(
      `${kind.padEnd(12)}${String(t.imported).padStart(10)}${String(t.updated).padStart(9)}${String(t.unchanged).padStart(11)}${String(t.skipped).padStart(9)}`,
    )
  }
  if (report.warnings.length) {
    out(`\n${report.warnings.length} warnings:`)
    for (const w of report.warnings) out(`- ${w.item}: ${w.message}`)
  }
}

const main = async () => {
  const args = parseArgs(process.argv.slice(2))
  // An import fills the database with the clinic's own content: never demo posts first.
  process.env.SEED_DEMO ??= 'false'
  // Checked in full (a piece at a time), with the --staff logins, before the database is even
  // opened: a bad file or an unknown login writes nothing. The posts are read again as they
  // are imported, one at a time.
  let site: WxrSource
  try {
    site = await readWxrFile(args.file)
  } catch (error) {
    if (error instanceof WxrError) throw error
    throw new Error(`Cannot read ${args.file}: is the path right?`)
  }
  staffAuthors(site.authors, args.staffLogins)
  const { getPayload } = await import('payload')
  const { default: configPromise } = await import('@payload-config')
  const config = await configPromise
  const payload = await getPayload({ config })
  const bar = new SingleBar({
    format: ' {bar} {percentage}% | {value}/{total} | {item}',
    hideCursor: true,
    clearOnComplete: true,
  })
  bar.start(countWork(site), 0, { item: '' })
  try {
    const report = await importWordpress(payload, config, site, {
      dryRun: args.dryRun,
      mediaDir: args.mediaDir && path.resolve(args.mediaDir),
      staffLogins: args.staffLogins,
      onItem: (item) => bar.increment({ item }),
    })
    bar.stop()
    printReport(report)
    await writeFile(args.report, `${JSON.stringify(report, null, 2)}\n`)
    process.stdout.write(`\nReport written to ${args.report}\n`)
  } finally {
    bar.stop()
    await payload.destroy()
  }
}

runScript(
  main,
  (error) =>
    `${error instanceof WxrError || error instanceof StaffLoginError ? 'Nothing was imported. ' : ''}${error instanceof Error ? error.message : String(error)}`,
)
