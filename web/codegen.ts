import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * The panels' typed client: each panel's field selection (src/panels/*.graphql) typed against the
 * supergraph. `npm run codegen -w web` after a schema change; the output is committed.
 */
const config: CodegenConfig = {
  schema: '../schema/supergraph.graphql',
  documents: ['src/**/*.graphql'],
  generates: {
    'src/generated/': {
      preset: 'client',
      config: { documentMode: 'string', useTypeImports: true, enumsAsTypes: true, avoidOptionals: false },
      presetConfig: { fragmentMasking: false },
    },
  },
  ignoreNoDocuments: false,
};
export default config;
