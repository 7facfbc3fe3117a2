import { graphql } from '@gongjian/schema';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useMutation } from 'urql';
import { describeQueryError } from './errors.ts';
import { fill, useLocale, useWords } from './i18n.tsx';
import { LocaleSwitch } from './LocaleSwitch.tsx';
import { enumLabel } from './labels.ts';
import { commonWords } from './words.ts';

const LoginMutation = graphql.persisted(
  'ui/Login',
  graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on MutationLoginSuccess {
        data {
          id
        }
      }
      ... on Error {
        code
      }
      ... on LoginError {
        lockedUntil
      }
    }
  }
`),
);

interface Credentials {
  username: string;
  password: string;
}

export interface LoginPageProps {
  /** Which client this is, shown under the system name (e.g. 管理后台). */
  appName: string;
  onSignedIn: () => void;
}

export function LoginPage({ appName, onSignedIn }: LoginPageProps) {
  const words = useWords(commonWords);
  return (
    <div className="gj-login">
      <div className="gj-login__locale">
        <LocaleSwitch />
      </div>
      <Card className="gj-login__card">
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {words.systemName}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{appName}</Typography.Paragraph>
        <LoginForm onSignedIn={onSignedIn} />
      </Card>
    </div>
  );
}

/** The username and password form alone (the login page's, and the one over a page whose session expired). */
export function LoginForm({ onSignedIn }: { onSignedIn: () => void }) {
  const words = useWords(commonWords);
  const { locale } = useLocale();
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(credentials: Credentials) {
    setFailure(null);
    const result = await login({ input: credentials });
    const outcome = result.data?.login;
    if (result.error || !outcome) {
      setFailure(result.error ? describeQueryError(result.error, locale) : words.unexpectedError);
      return;
    }
    if (outcome.__typename === 'MutationLoginSuccess') {
      onSignedIn();
      return;
    }
    const message = enumLabel('ErrorCode', outcome.code, locale);
    const lockedUntil = outcome.__typename === 'LoginError' ? outcome.lockedUntil : null;
    setFailure(
      lockedUntil
        ? `${message}，${fill(words.lockedUntil, { time: new Date(lockedUntil).toLocaleTimeString(locale) })}`
        : message,
    );
  }

  return (
    <>
      {failure && (
        <Alert
          type="error"
          showIcon
          message={failure}
          style={{ marginBottom: 16 }}
          data-testid="login-error"
        />
      )}
      <Form<Credentials> layout="vertical" onFinish={submit} requiredMark={false} autoComplete="on">
        <Form.Item
          label={words.username}
          name="username"
          rules={[{ required: true, message: words.usernameRequired }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          label={words.password}
          name="password"
          rules={[{ required: true, message: words.passwordRequired }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={fetching}>
          {words.signIn}
        </Button>
      </Form>
    </>
  );
}
