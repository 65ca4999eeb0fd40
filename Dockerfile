# Guardrails jobs image: the scheduler (`node scheduler.js`) and each job's entry point, bundled with esbuild.
# Build:  docker build -t guardrails-jobs .
# Run:    docker run -e DATABASE_URL=... -e GITHUB_TOKEN=... -v $PWD/guardrails.yaml:/work/guardrails.yaml guardrails-jobs
#         (the password of the claims database goes in DATABASE_URL or PGPASSWORD, never in --database-url)
# Docs:   docs/scheduler.md

FROM node:24-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# npm 11 skips unapproved install scripts; nothing here depends on one.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY jobs ./jobs
# One self-contained ESM file per entry point; pg-native is an optional pg add-on we do not use.
RUN npx esbuild jobs/scheduler.ts jobs/postmortem-followups.ts \
      --bundle --platform=node --format=esm --target=node20 --legal-comments=none \
      --external:pg-native --outdir=/out \
      "--banner:js=import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);"

FROM node:24-bookworm-slim
# git: the backup job records schema history; ca-certificates: HTTPS to GitHub, the registry and S3.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git ca-certificates tini \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /out/ /app/
# Jobs read guardrails.yaml and the repository checkout from the working directory.
WORKDIR /work
USER node
ENV NODE_ENV=production
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:9464/healthz').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# tini forwards SIGTERM to node: the scheduler aborts its running jobs and exits within 10 s (docs/scheduler.md#shutdown).
ENTRYPOINT ["/usr/bin/tini", "--", "node"]
CMD ["/app/scheduler.js"]
