# inkwell production image: Node 20 and npm 11, as in the README (npm ci, npm run build, npm start).
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN npm install -g npm@11 --no-audit --no-fund
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1
# The build never opens the database (pages render on first request), so no DATABASE_URI here, and
# it leaves no data/ behind: the image carries no database file (.ci/run checks the build).
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
RUN npm install -g npm@11 --no-audit --no-fund
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000
COPY --from=build /app ./
# Uploads (and the SQLite file, when no DATABASE_URI is given) live here: mount a volume.
VOLUME ["/app/data"]
EXPOSE 3000
# `npm start` without npm: its cross-env is a dev dependency, pruned above (ENV sets what it set).
CMD ["node", "scripts/serve.mjs"]
