import { type FragmentOf, graphql, readFragment } from '@gongjian/schema';
import { Button, Layout, Menu, type MenuProps, Space, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useMutation } from 'urql';
import { useLocale, useWords } from './i18n.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { enumLabel } from './labels.ts';
import { commonWords } from './words.ts';

export const AppShell_user = graphql(`
  fragment AppShell_user on User {
    username
    displayName
    roles
    jurisdiction {
      name
    }
  }
`);

const LogoutMutation = graphql.persisted(
  'ui/Logout',
  graphql(`
  mutation Logout {
    logout
  }
`),
);

export interface AppShellProps {
  user: FragmentOf<typeof AppShell_user>;
  appName: string;
  /** Side menu; omitted by clients with a single screen. */
  menu?: { items: MenuProps['items']; selectedKey: string; onSelect: (key: string) => void };
  children: ReactNode;
}

export function AppShell({ user, appName, menu, children }: AppShellProps) {
  const words = useWords(commonWords);
  const { locale } = useLocale();
  const viewer = readFragment(AppShell_user, user);
  const [{ fetching: signingOut }, logout] = useMutation(LogoutMutation);

  async function signOut() {
    await logout({});
    // A full reload drops every cached row of this user before the next one signs in.
    window.location.reload();
  }

  return (
    <Layout className="gj-shell">
      <Layout.Header className="gj-shell__header">
        <div className="gj-shell__brand">
          <span className="gj-shell__system">{words.systemName}</span>
          <span className="gj-shell__app">{appName}</span>
        </div>
        <Space size="middle" className="gj-shell__user">
          <LocaleSwitch />
          <span data-testid="current-user">
            {viewer.displayName}
            <Typography.Text className="gj-shell__muted"> · {viewer.jurisdiction.name}</Typography.Text>
          </span>
          <span>
            {viewer.roles.map((role) => (
              <Tag key={role} color="gold" bordered={false}>
                {enumLabel('Role', role, locale)}
              </Tag>
            ))}
          </span>
          <Button size="small" onClick={signOut} loading={signingOut}>
            {words.signOut}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        {menu && (
          <Layout.Sider
            width={208}
            theme="light"
            className="gj-shell__sider"
            breakpoint="md"
            collapsedWidth={0}
          >
            <Menu
              mode="inline"
              items={menu.items}
              selectedKeys={[menu.selectedKey]}
              onClick={({ key }) => menu.onSelect(key)}
              style={{ borderInlineEnd: 'none' }}
            />
          </Layout.Sider>
        )}
        <Layout.Content className="gj-shell__content">{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
