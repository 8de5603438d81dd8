import { notFound } from 'next/navigation'

// Any address no other route claims gets the blog's own "not found" page, inside its layout.
const Missing = () => notFound()

export default Missing
