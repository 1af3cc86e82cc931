/* global React, ReactDOM, GraphiQL */
// The explorer: GraphiQL against this gateway, with the Authorization header ready to fill in.
(function start() {
  const fetcher = GraphiQL.createFetcher({ url: new URL('../graphql', window.location.href).toString() });
  const headers = JSON.stringify({ authorization: 'Bearer <paste a token: npm run -s token -- --user gp>' }, null, 2);
  const query = '# Sign in first: put a token in the Headers tab below.\n{\n  whatMayISee {\n    profile\n    categories\n    panels\n  }\n}\n';
  ReactDOM.createRoot(document.getElementById('explorer')).render(
    React.createElement(GraphiQL, { fetcher, defaultHeaders: headers, defaultQuery: query, isHeadersEditorEnabled: true, shouldPersistHeaders: true, defaultEditorToolsVisibility: 'headers' }),
  );
})();
