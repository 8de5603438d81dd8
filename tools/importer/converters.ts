import { editorConfigFactory } from '@payloadcms/richtext-lexical'

import { blockEditor } from '@/fields/blockContent'
import { postEditor } from '@/fields/postContent'

import type { ConvertContext } from './content'
import { uploadPath } from './media'
import type { ImportSession, Ref } from './session'

/** How post content and reusable blocks convert: each with its editor's features. */
export type Converters = { post: ConvertContext; block: ConvertContext }

/** A document brought over, looked up at conversion time (the steps before fill the maps). */
const found = <K>(map: Map<K, Ref>, key: K) => (map.has(key) ? { id: map.get(key) ?? null } : null)

export const converters = async (s: ImportSession): Promise<Converters> => {
  const baseUrl = s.site.baseUrl.replace(/\/+$/, '')
  const context = (editorConfig: ConvertContext['editorConfig']): ConvertContext => ({
    editorConfig,
    mediaFor: (url) => {
      const relative = uploadPath(url)
      return relative ? found(s.ids.media, relative) : null
    },
    blockFor: (ref) => found(s.ids.blocks, ref),
    rewriteLink: (href) => (href.startsWith(baseUrl) ? href.slice(baseUrl.length) || '/' : href),
  })
  const { config } = s
  return {
    post: context(await editorConfigFactory.fromEditor({ config, editor: postEditor })),
    block: context(await editorConfigFactory.fromEditor({ config, editor: blockEditor })),
  }
}
