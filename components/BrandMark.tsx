/**
 * The clinic's mark (the same drawing as public/icon.svg, the browser-tab icon of the site and the dashboard), inline
 * so the dashboard shows it without another request.
 */
export const BrandMark = ({ size = 32 }: { size?: number }) => (
  <svg
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 64 64"
    width={size}
    height={size}
    aria-hidden="true"
    focusable="false"
  >
    <rect width="64" height="64" rx="14" fill="#1d6b63" />
    <path d="M32 12c-7 10-14 18-14 26a14 14 0 0 0 28 0c0-8-7-16-14-26z" fill="#ffffff" />
    <path
      d="M26 40a6 6 0 0 0 6 6"
      fill="none"
      stroke="#1d6b63"
      strokeWidth="3"
      strokeLinecap="round"
    />
  </svg>
)
