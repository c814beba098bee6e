# One image for both roles: ROLE=api (HTTP API, Socket.IO and the frontend on PORT) or ROLE=worker
# (outbox relay and projections; metrics on WORKER_METRICS_PORT). Configuration: see .env.example.
#   docker build -t eduplatform .
#   docker run -e ROLE=api -e DATABASE_URL=... -e REDIS_URL=... -e JWT_SECRET=... -p 3000:3000 eduplatform

FROM node:24-bookworm-slim AS build
WORKDIR /app
# Manifests first, so the dependency layer is reused until the lockfile changes.
COPY package.json package-lock.json ./
COPY contracts/package.json contracts/
COPY backend/package.json backend/
COPY frontend/package.json frontend/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    ROLE=api \
    PORT=3000 \
    WORKER_METRICS_PORT=9464 \
    FRONTEND_HANDLER=/app/frontend/build/handler.js
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/contracts contracts
COPY --from=build /app/migrations migrations
COPY --from=build /app/backend/package.json backend/
COPY --from=build /app/backend/dist backend/dist
# The seed runs from its TypeScript source on the built backend: `node seed/seed.ts --scale 0.01 --reset`.
COPY --from=build /app/seed seed
COPY --from=build /app/frontend/package.json frontend/
COPY --from=build /app/frontend/build frontend/build
USER node
EXPOSE 3000 9464
# Node runs as PID 1 and exits by itself after draining on SIGTERM (see backend/src/app/shutdown.ts).
CMD ["/bin/sh", "-c", "case \"$ROLE\" in api|worker) exec node backend/dist/src/main.$ROLE.js ;; *) echo \"ROLE must be api or worker, not '$ROLE'\" >&2; exit 64 ;; esac"]
