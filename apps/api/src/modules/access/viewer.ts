import { z } from 'zod';
import { hasPermission, PERMISSIONS, type Permission } from '../../auth/permissions';
import { login, revokeSession, SESSION_COOKIE, viewerFromToken } from '../../auth/sessions';
import { builder } from '../../builder';
import { clock } from '../../clock';
import { env } from '../../env';
import { LoginError, ValidationError } from '../../errors';
import { validate } from '../../shared/validate';
import { Region } from '../geography/region';
import { Cadre } from '../organisation/cadre';

export const RoleEnum = builder.enumType('Role', {
  description: '角色',
  values: {
    COUNTY_ADMIN: { description: '县级管理员' },
    TOWNSHIP_CLERK: { description: '乡镇扶贫专干' },
    VILLAGE_CLERK: { description: '村级扶贫专干' },
    HELPER: { description: '结对帮扶责任人' },
    SUPERVISOR: { description: '纪检/督查' },
    AUDITOR: { description: '审计' },
    LEADER: { description: '县领导 (read-only summaries)' },
    DEVELOPER: { description: '开发者 (GraphQL IDE, non-production)' },
  },
});

const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

/** `organisation.write` is the enum value ORGANISATION_WRITE. */
const PermissionEnum = builder.enumType('Permission', {
  description: '权限 (one operation a role may attempt; jurisdiction is checked as well)',
  values: Object.fromEntries(
    PERMISSION_NAMES.map((permission) => [
      permission.replace('.', '_').toUpperCase(),
      { value: permission, description: `${permission}: ${PERMISSIONS[permission].join(', ')}` },
    ]),
  ) as Record<string, { value: Permission; description: string }>,
});

export const User = builder.drizzleNode('users', {
  name: 'User',
  description: '用户 (a login with roles and a jurisdiction)',
  id: { column: (u) => u.id },
  select: { columns: { id: true, regionPath: true } },
  authScopes: (user) => ({ jurisdiction: user.regionPath }),
  fields: (t) => ({
    username: t.exposeString('username', { description: '用户名' }),
    displayName: t.exposeString('displayName', { description: '显示名称' }),
    roles: t.expose('roles', { type: [RoleEnum], description: '角色' }),
    mayUnmask: t.exposeBoolean('mayUnmask', { description: '可查看完整个人信息 (unmask permission)' }),
    permissions: t.field({
      type: [PermissionEnum],
      description:
        "权限 (what the user's roles allow; clients show menus and buttons by it, the server still checks every write)",
      select: { columns: { roles: true } },
      resolve: (user) => PERMISSION_NAMES.filter((permission) => hasPermission(user.roles, permission)),
    }),
    jurisdiction: t.relation('jurisdiction', {
      type: Region,
      description: '管辖范围 (the root of the region subtree)',
    }),
    cadre: t.relation('cadre', { type: Cadre, nullable: true, description: '对应干部' }),
  }),
});

const LoginInput = builder.inputType('LoginInput', {
  fields: (t) => ({
    username: t.string({ required: true, description: '用户名' }),
    password: t.string({ required: true, description: '密码' }),
  }),
});

const LoginSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});

builder.queryField('me', (t) =>
  t.drizzleField({
    type: User,
    nullable: true,
    skipTypeScopes: true,
    description: '当前登录用户 (null when signed out)',
    resolve: async (query, _root, _args, ctx) =>
      ctx.viewer ? await ctx.db.query.users.findFirst(query({ where: { id: ctx.viewer.id } })) : null,
  }),
);

builder.queryField('countyToday', (t) =>
  t.field({
    type: 'Date',
    description:
      '今天 (today in the county calendar, Asia/Shanghai: the day every "not after today" check uses; clients take it from here, not from the computer\'s clock)',
    skipTypeScopes: true,
    resolve: () => clock.today(),
  }),
);

builder.mutationFields((t) => ({
  login: t.drizzleField({
    type: User,
    skipTypeScopes: true,
    description: '登录 (sets an HttpOnly session cookie; 5 wrong passwords lock the account for 15 minutes)',
    errors: { types: [LoginError, ValidationError] },
    args: { input: t.arg({ type: LoginInput, required: true }) },
    resolve: async (query, _root, { input }, ctx) => {
      const credentials = validate(LoginSchema, input);
      const session = await login(ctx.db, credentials.username, credentials.password, env.sessionHours);
      ctx.cookies.set(SESSION_COOKIE, session.token, session.expiresAt);
      // The rest of this request runs as the user who just signed in.
      ctx.viewer = await viewerFromToken(ctx.db, session.token, { remember: false });
      return (await ctx.db.query.users.findFirst(query({ where: { id: session.userId } })))!;
    },
  }),
  logout: t.boolean({
    skipTypeScopes: true,
    description: '退出登录',
    resolve: async (_root, _args, ctx) => {
      if (ctx.viewer) await revokeSession(ctx.db, ctx.viewer.sessionId);
      ctx.cookies.clear(SESSION_COOKIE);
      return true;
    },
  }),
}));
