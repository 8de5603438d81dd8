import { decodeEntities } from '../entities'
import { type UploadRead, type UploadRefusal, readUpload, uploadPath } from '../media'
import { type ImportSession, wpKey } from '../session'

/** What the report says of an image file the uploads folder does not give. */
const UPLOAD_REFUSED: Record<UploadRefusal, string> = {
  missing: 'is missing from the uploads folder',
  outside: 'points outside the uploads folder (through a symbolic link), so it is not imported',
  'not-a-file': 'is not a regular file, so it is not imported',
}

/** Images: attachments whose file is in the uploads folder. */
export const importMedia = async (s: ImportSession): Promise<void> => {
  const { mediaDir } = s.options
  for (const item of s.site.items.filter((i) => i.type === 'attachment')) {
    await s.each('media', `image ${item.id}`, async () => {
      const relative =
        item.meta._wp_attached_file || (item.attachmentUrl && uploadPath(item.attachmentUrl))
      const alt = decodeEntities(item.meta._wp_attachment_image_alt || item.title)
      const read: UploadRead =
        mediaDir && relative ? await readUpload(mediaDir, relative) : { refused: 'missing' }
      // A refused file is reported and treated as missing: the posts that show it still import.
      if (!relative || 'refused' in read) {
        s.report.counts.media.skipped += 1
        const why = !mediaDir
          ? 'is missing (no --media-dir given)'
          : UPLOAD_REFUSED['refused' in read ? read.refused : 'missing']
        s.warn(
          `image ${item.id}`,
          `file ${relative ?? item.attachmentUrl} ${why}; its alt text is kept where it is used: “${alt}”`,
        )
        return
      }
      const caption = decodeEntities(item.excerpt).slice(0, 300) || undefined
      const id = await s.upsert(
        'media',
        'media',
        wpKey('attachment', item.id),
        { alt, caption },
        (e) => e.alt === alt,
        { file: read.file },
      )
      s.ids.media.set(relative, id)
      s.ids.mediaByWpId.set(item.id, id)
    })
  }
}
