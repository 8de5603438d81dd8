/** The kinds of page a sitemap lists; each is split into numbered files of its own. */
export const SITEMAP_SECTIONS = ['posts', 'authors', 'categories'] as const
export type SitemapSection = (typeof SITEMAP_SECTIONS)[number]

export type SitemapCounts = Record<SitemapSection, number>

/** One file of an index: `posts-2` is the second slice of posts, sorted by slug. */
export type SitemapFile = { section: SitemapSection; page: number }

/** The protocol's limit for one file (sitemaps.org). */
const PROTOCOL_MAX_URLS = 50_000

/** The protocol's limit for the files one index names. */
const PROTOCOL_MAX_FILES = 50_000

/** The home page rides in the first file of posts, so every total counts it once. */
const urlsIn = (counts: SitemapCounts) => counts.posts + 1 + counts.authors + counts.categories

/**
 * URLs per file. The protocol allows 50,000; WordPress writes 2,000. We write 1,000 so the
 * largest file a crawler fetches costs the same with 1,000 posts as with 100,000 (it is built
 * per request from a cached read, and its size is what it costs). SITEMAP_URLS_PER_FILE
 * overrides it, which tests use to reach an index with a handful of posts; whatever it says,
 * files grow once the index would otherwise name more than the protocol's 50,000 files (each
 * section's last file may be part full, hence the three spare).
 */
export const urlsPerFile = (counts: SitemapCounts): number => {
  const asked = Number(process.env.SITEMAP_URLS_PER_FILE)
  const chosen =
    Number.isInteger(asked) && asked > 0 ? Math.min(asked, PROTOCOL_MAX_URLS - 1) : 1000
  const fewestToFit = Math.ceil(urlsIn(counts) / (PROTOCOL_MAX_FILES - SITEMAP_SECTIONS.length))
  return Math.max(chosen, fewestToFit)
}

/** Whether /sitemap.xml can list everything itself instead of pointing to files. */
export const fitsOneFile = (counts: SitemapCounts, perFile: number): boolean =>
  urlsIn(counts) <= perFile

/** How many files a section takes; posts always have one, for the home page. */
const filesFor = (section: SitemapSection, counts: SitemapCounts, perFile: number) =>
  section === 'posts'
    ? Math.max(1, Math.ceil(counts.posts / perFile))
    : Math.ceil(counts[section] / perFile)

/** Every file of the index, in order. */
export const sitemapFiles = (counts: SitemapCounts, perFile: number): SitemapFile[] =>
  SITEMAP_SECTIONS.flatMap((section) =>
    Array.from({ length: filesFor(section, counts, perFile) }, (_, i) => ({
      section,
      page: i + 1,
    })),
  )

export const sitemapFileName = ({ section, page }: SitemapFile): string => `${section}-${page}.xml`

const FILE_NAME = new RegExp(`^(${SITEMAP_SECTIONS.join('|')})-([1-9]\\d{0,5})\\.xml$`)

/** The file a name asks for, if the name is one we write and the file exists. */
export const sitemapFileOf = (
  name: string,
  counts: SitemapCounts,
  perFile: number,
): SitemapFile | null => {
  const match = FILE_NAME.exec(name)
  if (!match) return null
  const section = match[1] as SitemapSection
  const page = Number(match[2])
  return page <= filesFor(section, counts, perFile) ? { section, page } : null
}
