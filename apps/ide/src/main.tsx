import './monaco-workers.ts';
import 'graphiql/style.css';
import './ide.css';
import { GraphiQL } from 'graphiql';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { type ExampleIds, exampleTabs, loadExampleIds } from './exampleOperations.ts';
import { loadViewer, sameOriginFetcher, type Viewer } from './fetcher.ts';

type SessionState =
  | { status: 'checking' }
  | { status: 'signed-out' }
  | { status: 'signed-in'; viewer: Viewer };

function SessionBanner({ session }: { session: SessionState }) {
  if (session.status === 'checking') return null;
  if (session.status === 'signed-out') {
    return (
      <div className="session-banner session-banner--warning" role="alert">
        未登录：请先在 <a href="/admin/">管理后台</a> 用开发者账号 <code>developer</code> 登录，再刷新本页。
        Not signed in: sign in to the <a href="/admin/">admin console</a> with the <code>developer</code>{' '}
        account, then reload this page.
      </div>
    );
  }
  const { viewer } = session;
  return (
    <div className="session-banner">
      已登录 Signed in: {viewer.displayName} ({viewer.username}) · {viewer.roles.join(', ')}
    </div>
  );
}

const emptyIds: ExampleIds = {
  townshipId: '',
  meetingId: '',
  taskId: '',
  householdId: '',
  pairingId: '',
  projectId: '',
  reportId: '',
};

function Ide() {
  const [session, setSession] = useState<SessionState>({ status: 'checking' });
  const [ids, setIds] = useState<ExampleIds | null>(null);
  useEffect(() => {
    loadViewer().then(async (viewer) => {
      setIds(viewer ? await loadExampleIds() : null);
      setSession(viewer ? { status: 'signed-in', viewer } : { status: 'signed-out' });
    });
  }, []);
  return (
    <div className="ide">
      <SessionBanner session={session} />
      <div className="ide__graphiql">
        {session.status !== 'checking' && (
          <GraphiQL
            fetcher={sameOriginFetcher}
            defaultTabs={exampleTabs(ids ?? emptyIds)}
            defaultEditorToolsVisibility={true}
          >
            <GraphiQL.Logo>攻坚 GraphQL</GraphiQL.Logo>
          </GraphiQL>
        )}
      </div>
    </div>
  );
}

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <Ide />
  </StrictMode>,
);
