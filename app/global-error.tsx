'use client'

// The last resort when even the layout fails: plain HTML with inline styles, no stack trace.
const GlobalError = ({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) => (
  <html lang="en">
    <body
      style={{
        fontFamily: 'system-ui, sans-serif',
        maxWidth: '36rem',
        margin: '4rem auto',
        padding: '0 1rem',
        lineHeight: 1.5,
      }}
    >
      <h1>Something went wrong</h1>
      <p>The site could not be shown just now. Please try again in a moment.</p>
      <p>
        <button type="button" onClick={reset} style={{ padding: '0.5rem 1rem', font: 'inherit' }}>
          Try again
        </button>{' '}
        {/* A full page load on purpose: the app shell itself failed, so client navigation may too. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the home page</a>
      </p>
      {error.digest && <p style={{ color: '#555' }}>Reference: {error.digest}</p>}
    </body>
  </html>
)

export default GlobalError
