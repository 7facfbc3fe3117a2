import '@gongjian/ui/styles.css';
import { createGongjianClient } from '@gongjian/schema';
import { announceSessionLost, LocaleProvider } from '@gongjian/ui';
import { App as AntdApp } from 'antd';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Provider as UrqlProvider } from 'urql';
import { App } from './App.tsx';

const client = createGongjianClient({
  url: '/graphql',
  onUnauthenticated: announceSessionLost,
  sendDocumentText: !import.meta.env.PROD,
});

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <UrqlProvider value={client}>
      <LocaleProvider>
        <AntdApp>
          <App />
        </AntdApp>
      </LocaleProvider>
    </UrqlProvider>
  </StrictMode>,
);
