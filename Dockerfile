# One image for every service: SERVICE picks which one runs (gateway or a subgraph name).
# Built in two stages: the first compiles the TypeScript (npm run build -> dist/); the second has
# production dependencies and the compiled JavaScript only, and runs it as the unprivileged node user.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY schema/package.json schema/
COPY gateway/package.json gateway/
COPY tools/package.json tools/
COPY test/package.json test/
COPY subgraphs/kit/package.json subgraphs/kit/
COPY subgraphs/registry/package.json subgraphs/registry/
COPY subgraphs/gp/package.json subgraphs/gp/
COPY subgraphs/acute/package.json subgraphs/acute/
COPY subgraphs/mental-health/package.json subgraphs/mental-health/
COPY subgraphs/community/package.json subgraphs/community/
COPY subgraphs/social-care/package.json subgraphs/social-care/
COPY subgraphs/audit/package.json subgraphs/audit/
COPY subgraphs/combined/package.json subgraphs/combined/
RUN npm ci --ignore-scripts
COPY tsconfig.base.json tsconfig.build.json ./
COPY schema schema
COPY gateway gateway
COPY subgraphs subgraphs
COPY tools tools
RUN npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/schema/package.json schema/
COPY --from=build /app/gateway/package.json gateway/
COPY --from=build /app/tools/package.json tools/
COPY --from=build /app/test/package.json test/
COPY --from=build /app/subgraphs subgraphs-manifests
RUN for d in subgraphs-manifests/*/; do n=$(basename "$d"); mkdir -p "subgraphs/$n" && cp "$d/package.json" "subgraphs/$n/"; done \
  && rm -rf subgraphs-manifests && npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist dist
USER node
# Services listen on all interfaces inside the private container network only.
ENV HOST=0.0.0.0
STOPSIGNAL SIGTERM
CMD ["sh", "-c", "if [ \"$SERVICE\" = gateway ]; then exec node dist/gateway/src/main.js; else exec node dist/subgraphs/kit/src/main.js \"$SERVICE\"; fi"]
