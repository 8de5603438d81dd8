import { LivePreviewRefresh } from './LivePreviewRefresh.client'

/**
 * Shown only to staff in preview (Next's draft mode): what they see is the latest draft, and
 * the page follows their edits in the dashboard while they type.
 */
export const PreviewBanner = ({ path, serverUrl }: { path: string; serverUrl: string }) => (
  <div className="preview-banner" role="status">
    <p>
      <strong>Preview.</strong> You are seeing the latest draft, as readers would once it is
      published. <a href={`/preview/exit?path=${encodeURIComponent(path)}`}>Exit preview</a>
    </p>
    <LivePreviewRefresh serverUrl={serverUrl} />
  </div>
)
