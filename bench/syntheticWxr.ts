// A synthetic WordPress export (WXR 1.2, laid out as WordPress 6.1 writes it) of any size, for
// measuring the importer: how its memory and time grow with the export. The same options always
// give the same file, and syntheticCounts says what a correct import of it holds.
import { once } from 'node:events'
import { createWriteStream } from 'node:fs'

export type SyntheticOptions = {
  /** Published posts, the busy one included. */
  posts: number
  /** Comments on the busy post, in threads four deep; 1,200 unless told. */
  busyComments?: number
  /** Comments on the second post, a normal one to compare the busy one with; 1 unless told. */
  secondComments?: number
}

const AUTHORS = ['clinic-editor', 'front-desk', 'guest-writer', 'night-shift']
const CATEGORIES = ['treatments', 'exercises', 'clinic-news', 'sports-massage', 'running']
const TAGS = Array.from({ length: 24 }, (_, i) => `topic-${i + 1}`)
const BASE = 'http://localhost:8080'
/** Items before the posts: a reusable block, a page and two images (absent from any uploads). */
const BLOCK_ID = 10
const PAGE_ID = 11
const IMAGE_IDS = [12, 13]
const FIRST_POST_ID = 100

/** Comments on the i-th post (0-based): the first post is the busy one, others 0 to 4. */
const commentsOn = (i: number, o: SyntheticOptions) =>
  i === 0 ? (o.busyComments ?? 1200) : i === 1 ? (o.secondComments ?? 1) : i % 5
/** A comment's parent, by its place in its post: in fours, each replying to the one before. */
const parentPlace = (j: number): number | null => (j % 4 === 0 ? null : j - 1)

/** What a correct import of the synthetic export holds. */
export const syntheticCounts = (o: SyntheticOptions) => {
  let comments = 0
  for (let i = 0; i < o.posts; i++) comments += commentsOn(i, o)
  return {
    authors: AUTHORS.length,
    categories: CATEGORIES.length,
    tags: TAGS.length,
    blocks: 1,
    posts: o.posts,
    comments,
    /** Every item in the file: the posts, the block, the page and the images. */
    items: o.posts + 2 + IMAGE_IDS.length,
    busyPostId: FIRST_POST_ID,
    busyComments: commentsOn(0, o),
    /** The deepest reply: four levels down. */
    maxDepth: 4,
  }
}

const cdata = (text: string) => `<![CDATA[${text}]]>`
const pad = (n: number) => String(n).padStart(2, '0')
/** A date n minutes after the start of 2020, in WordPress's "Y-m-d H:i:s". */
const wpDate = (minutes: number) => {
  const d = new Date(Date.UTC(2020, 0, 1) + minutes * 60_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

const WORDS =
  'recovery stretch muscle tendon ankle knee shoulder posture breathing balance strength mobility rest hydration warm-up cool-down massage physiotherapy routine progress'.split(
    ' ',
  )
/** A sentence that differs from post to post, so no two posts compress to the same thing. */
const sentence = (seed: number, n: number) =>
  Array.from({ length: n }, (_, k) => WORDS[(seed * 7 + k * 13) % WORDS.length]).join(' ')

const postContent = (i: number) =>
  [
    `<!-- wp:paragraph -->\n<p>Post ${i}: ${sentence(i, 40)} &amp; <strong>${sentence(i + 1, 5)}</strong>.</p>\n<!-- /wp:paragraph -->`,
    `<!-- wp:heading -->\n<h2>${sentence(i + 2, 4)}</h2>\n<!-- /wp:heading -->`,
    `<!-- wp:paragraph -->\n<p>${sentence(i + 3, 60)}, with <a href="${BASE}/post-${i + 1}/">the next post</a> and <em>${sentence(i + 4, 3)}</em>.</p>\n<!-- /wp:paragraph -->`,
    `<!-- wp:list -->\n<ul><!-- wp:list-item -->\n<li>${sentence(i + 5, 6)}</li>\n<!-- /wp:list-item -->\n\n<!-- wp:list-item -->\n<li>${sentence(i + 6, 6)}</li>\n<!-- /wp:list-item --></ul>\n<!-- /wp:list -->`,
    `<!-- wp:paragraph -->\n<p>${sentence(i + 7, 80)}.</p>\n<!-- /wp:paragraph -->`,
    i % 10 === 0 ? `<!-- wp:block {"ref":${BLOCK_ID}} /-->` : '',
  ]
    .filter(Boolean)
    .join('\n\n')

const comment = (id: number, parent: number, minutes: number, n: number) => `
		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author>${cdata(`Reader ${n % 97}`)}</wp:comment_author>
			<wp:comment_author_email>${cdata(`reader${n % 97}@example.com`)}</wp:comment_author_email>
			<wp:comment_author_url>${n % 3 === 0 ? `https://reader${n % 97}.example.org/` : ''}</wp:comment_author_url>
			<wp:comment_author_IP>${cdata(`203.0.113.${n % 250}`)}</wp:comment_author_IP>
			<wp:comment_date>${cdata(wpDate(minutes))}</wp:comment_date>
			<wp:comment_date_gmt>${cdata(wpDate(minutes))}</wp:comment_date_gmt>
			<wp:comment_content>${cdata(`Comment ${id}: ${sentence(n, 25)}. Thanks &amp; see you soon.`)}</wp:comment_content>
			<wp:comment_approved>${cdata('1')}</wp:comment_approved>
			<wp:comment_type>${cdata('comment')}</wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
			<wp:comment_user_id>0</wp:comment_user_id>
		</wp:comment>`

type ItemFields = { id: number; type: string; title: string; name: string; content: string }
const item = (f: ItemFields, minutes: number, extra: string) => `
	<item>
		<title>${cdata(f.title)}</title>
		<link>${BASE}/${f.name}/</link>
		<pubDate>Wed, 01 Jan 2020 00:00:00 +0000</pubDate>
		<dc:creator>${cdata(AUTHORS[f.id % AUTHORS.length] as string)}</dc:creator>
		<guid isPermaLink="false">${BASE}/?p=${f.id}</guid>
		<description></description>
		<content:encoded>${cdata(f.content)}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${f.id}</wp:post_id>
		<wp:post_date>${cdata(wpDate(minutes))}</wp:post_date>
		<wp:post_date_gmt>${cdata(wpDate(minutes))}</wp:post_date_gmt>
		<wp:comment_status>${cdata('open')}</wp:comment_status>
		<wp:ping_status>${cdata('open')}</wp:ping_status>
		<wp:post_name>${cdata(f.name)}</wp:post_name>
		<wp:status>${cdata(f.type === 'attachment' ? 'inherit' : 'publish')}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>${cdata(f.type)}</wp:post_type>
		<wp:post_password>${cdata('')}</wp:post_password>
		<wp:is_sticky>0</wp:is_sticky>${extra}
	</item>`

const head = () => `<?xml version="1.0" encoding="UTF-8" ?>
<!-- A synthetic WordPress export made by bench/syntheticWxr.ts. -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Synthetic Physio Journal</title>
	<link>${BASE}</link>
	<description>A generated export</description>
	<language>en-US</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>${BASE}</wp:base_site_url>
	<wp:base_blog_url>${BASE}</wp:base_blog_url>
${AUTHORS.map(
  (login, i) =>
    `	<wp:author><wp:author_id>${i + 1}</wp:author_id><wp:author_login>${cdata(login)}</wp:author_login><wp:author_email>${cdata(`${login}@example.com`)}</wp:author_email><wp:author_display_name>${cdata(`Author ${i + 1}`)}</wp:author_display_name><wp:author_first_name>${cdata('')}</wp:author_first_name><wp:author_last_name>${cdata('')}</wp:author_last_name></wp:author>`,
).join('\n')}
${CATEGORIES.map(
  (slug, i) => `	<wp:category>
		<wp:term_id>${i + 1}</wp:term_id>
		<wp:category_nicename>${cdata(slug)}</wp:category_nicename>
		<wp:category_parent>${cdata(slug === 'sports-massage' ? 'treatments' : '')}</wp:category_parent>
		<wp:cat_name>${cdata(slug.replace('-', ' '))}</wp:cat_name>
	</wp:category>`,
).join('\n')}
${TAGS.map(
  (slug, i) => `	<wp:tag>
		<wp:term_id>${100 + i}</wp:term_id>
		<wp:tag_slug>${cdata(slug)}</wp:tag_slug>
		<wp:tag_name>${cdata(slug.replace('-', ' '))}</wp:tag_name>
	</wp:tag>`,
).join('\n')}
`

const meta = (key: string, value: string) => `
		<wp:postmeta>
		<wp:meta_key>${cdata(key)}</wp:meta_key>
		<wp:meta_value>${cdata(value)}</wp:meta_value>
		</wp:postmeta>`

/**
 * The export, a piece at a time (a head, then one item per piece, then the end), so a file of
 * any size is written without holding it whole.
 */
export function* syntheticWxr(o: SyntheticOptions): Generator<string> {
  yield head()
  yield item(
    {
      id: BLOCK_ID,
      type: 'wp_block',
      title: 'Booking CTA',
      name: 'booking-cta',
      content: '<!-- wp:paragraph -->\n<p>Call us to book.</p>\n<!-- /wp:paragraph -->',
    },
    0,
    '',
  )
  yield item(
    { id: PAGE_ID, type: 'page', title: 'About us', name: 'about-us', content: '<p>About.</p>' },
    0,
    '',
  )
  for (const id of IMAGE_IDS) {
    const file = `2020/01/image-${id}.png`
    yield item(
      { id, type: 'attachment', title: `Image ${id}`, name: `image-${id}`, content: '' },
      0,
      `\n\t\t<wp:attachment_url>${cdata(`${BASE}/wp-content/uploads/${file}`)}</wp:attachment_url>${meta('_wp_attached_file', file)}`,
    )
  }
  let commentId = 1
  for (let i = 0; i < o.posts; i++) {
    const id = FIRST_POST_ID + i
    const minutes = i * 60
    const terms = [
      `\n\t\t<category domain="category" nicename="${CATEGORIES[i % CATEGORIES.length]}">${cdata('c')}</category>`,
      `\n\t\t<category domain="post_tag" nicename="${TAGS[i % TAGS.length]}">${cdata('t')}</category>`,
      `\n\t\t<category domain="post_tag" nicename="${TAGS[(i * 7 + 3) % TAGS.length]}">${cdata('t')}</category>`,
    ].join('')
    const first = commentId
    const comments = Array.from({ length: commentsOn(i, o) }, (_, j) => {
      const parent = parentPlace(j)
      return comment(commentId++, parent === null ? 0 : first + parent, minutes + j + 1, i + j)
    }).join('')
    yield item(
      {
        id,
        type: 'post',
        title: `Post ${i}: ${sentence(i, 4)}`,
        name: `post-${i}`,
        content: postContent(i),
      },
      minutes,
      `${terms}${i % 7 === 0 ? meta('_thumbnail_id', String(IMAGE_IDS[0])) : ''}${comments}`,
    )
  }
  yield '\n</channel>\n</rss>\n'
}

/** Writes the export to a file a piece at a time, as large as it is; resolves with its bytes. */
export const writeSyntheticWxr = async (file: string, o: SyntheticOptions): Promise<number> => {
  const out = createWriteStream(file)
  for (const piece of syntheticWxr(o)) if (!out.write(piece)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
  return out.bytesWritten
}
