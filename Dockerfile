# One image for every service: SERVICE picks which one runs (gateway or a subgraph name).
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
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
RUN npm ci --omit=dev --ignore-scripts
COPY tsconfig.base.json ./
COPY schema schema
COPY gateway gateway
COPY subgraphs subgraphs
USER node
# Services listen on all interfaces inside the private container network only.
ENV HOST=0.0.0.0
CMD ["sh", "-c", "if [ \"$SERVICE\" = gateway ]; then exec node --import tsx gateway/src/main.ts; else exec node --import tsx subgraphs/kit/src/main.ts \"$SERVICE\"; fi"]
