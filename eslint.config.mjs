import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'data/**',
      'app/(payload)/**',
      'migrations/**',
      'payload-types.ts',
      'next-env.d.ts',
      'tests/e2e/artifacts/**',
    ],
  },
]

export default config
