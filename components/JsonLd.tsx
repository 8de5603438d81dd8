/**
 * Structured data for search engines. `<` is escaped so no text in the data (a title, a name)
 * can close the script element.
 */
export const JsonLd = ({ data }: { data: object }) => (
  <script
    type="application/ld+json"
    dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, '\\u003c') }}
  />
)
