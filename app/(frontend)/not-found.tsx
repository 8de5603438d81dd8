import Link from 'next/link'

const NotFound = () => (
  <div className="message-page">
    <h1>Page not found</h1>
    <p>The page you were looking for has moved or no longer exists.</p>
    <p>
      <Link href="/" className="button">
        Go to the latest posts
      </Link>
    </p>
  </div>
)

export default NotFound
