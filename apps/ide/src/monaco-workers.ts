import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';

/**
 * GraphiQL's editor workers, imported from our own source so that Vite's worker transform sees the `?worker`
 * imports both in the dev server and in the build (its dependency pre-bundling cannot load them from inside a
 * package, which is why `graphiql/setup-workers/vite` stopped `pnpm dev`).
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string) {
    if (label === 'json') return new JsonWorker();
    if (label === 'graphql') return new GraphQLWorker();
    return new EditorWorker();
  },
};
