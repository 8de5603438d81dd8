// The comment flood: request n of `npm run bench`'s comment submissions. Each comes from its own
// address with its own text, as readers' would.

export const commentRequests =
  (postId: number | string, formToken: string, returning: { cookie: string; email: string }) =>
  (n: number) => ({
    method: 'POST' as const,
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
      ...(n % 50 === 0 ? { cookie: returning.cookie } : {}),
    },
    body: JSON.stringify({
      post: postId,
      authorName: `Visitor ${n}`,
      authorEmail: n % 50 === 0 ? returning.email : `visitor${n}@example.com`,
      body: `Benchmark comment number ${n}: thank you for the clear advice.`,
      formToken,
    }),
  })
