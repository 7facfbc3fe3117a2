import type { EnumValue } from '@gongjian/schema';
import type { Locale } from '../i18n.tsx';

type Labels<Name extends 'Role' | 'RegionLevel' | 'VillageKind' | 'UnitKind' | 'BackingLevel' | 'ErrorCode'> =
  Record<Locale, Record<EnumValue<Name>, string>>;

const roleLabels: Labels<'Role'> = {
  'zh-CN': {
    COUNTY_ADMIN: '县级管理员',
    TOWNSHIP_CLERK: '乡镇专干',
    VILLAGE_CLERK: '村级专干',
    HELPER: '帮扶责任人',
    SUPERVISOR: '纪检督查',
    AUDITOR: '审计',
    LEADER: '县领导',
    DEVELOPER: '开发者',
  },
  en: {
    COUNTY_ADMIN: 'County administrator',
    TOWNSHIP_CLERK: 'Township clerk',
    VILLAGE_CLERK: 'Village clerk',
    HELPER: 'Helper',
    SUPERVISOR: 'Supervisor',
    AUDITOR: 'Auditor',
    LEADER: 'County leader',
    DEVELOPER: 'Developer',
  },
};

const regionLevelLabels: Labels<'RegionLevel'> = {
  'zh-CN': { PROVINCE: '省', CITY: '市', COUNTY: '县', TOWNSHIP: '乡镇', VILLAGE: '村', GROUP: '组' },
  en: {
    PROVINCE: 'Province',
    CITY: 'City',
    COUNTY: 'County',
    TOWNSHIP: 'Township',
    VILLAGE: 'Village',
    GROUP: 'Group',
  },
};

const villageKindLabels: Labels<'VillageKind'> = {
  'zh-CN': {
    POOR_VILLAGE: '贫困村',
    NON_POOR_WITH_POOR: '有贫困人口的非贫困村',
    NON_POOR: '非贫困村',
    COMMUNITY: '社区',
  },
  en: {
    POOR_VILLAGE: 'Poor village',
    NON_POOR_WITH_POOR: 'Non-poor village with poor residents',
    NON_POOR: 'Non-poor village',
    COMMUNITY: 'Community',
  },
};

const unitKindLabels: Labels<'UnitKind'> = {
  'zh-CN': {
    COUNTY_LEADERSHIP: '县领导班子',
    COUNTY_DEPARTMENT: '县直部门',
    BACKING_UNIT: '后盾单位',
    TOWNSHIP_GOVERNMENT: '乡镇政府',
    WORK_STATION: '扶贫工作站',
    VILLAGE_COMMITTEE: '村委会',
  },
  en: {
    COUNTY_LEADERSHIP: 'County leadership',
    COUNTY_DEPARTMENT: 'County department',
    BACKING_UNIT: 'Backing unit',
    TOWNSHIP_GOVERNMENT: 'Township government',
    WORK_STATION: 'Work station',
    VILLAGE_COMMITTEE: 'Village committee',
  },
};

const backingLevelLabels: Labels<'BackingLevel'> = {
  'zh-CN': { NATIONAL: '中央', PROVINCIAL: '省直', CITY: '市直', COUNTY: '县直' },
  en: { NATIONAL: 'National', PROVINCIAL: 'Provincial', CITY: 'City', COUNTY: 'County' },
};

const errorCodeLabels: Labels<'ErrorCode'> = {
  'zh-CN': {
    VALIDATION: '输入有误，请检查标红的字段',
    NOT_FOUND: '记录不存在或已被删除',
    FORBIDDEN: '无权执行此操作（超出您的管辖范围或权限）',
    CONFLICT: '该记录已被他人修改，请刷新后重试',
    UNAUTHENTICATED: '登录已过期，请重新登录',
    INVALID_CREDENTIALS: '用户名或密码错误',
    ACCOUNT_LOCKED: '连续登录失败次数过多，账号已临时锁定',
    RULE_VIOLATION: '不符合政策规则',
  },
  en: {
    VALIDATION: 'Some fields are invalid; check the fields marked in red',
    NOT_FOUND: 'The record does not exist or was deleted',
    FORBIDDEN: 'Not allowed (outside your jurisdiction or role)',
    CONFLICT: 'Someone else changed this record; reload and try again',
    UNAUTHENTICATED: 'Your session has expired; please sign in again',
    INVALID_CREDENTIALS: 'Wrong username or password',
    ACCOUNT_LOCKED: 'Too many failed sign-ins; the account is locked for now',
    RULE_VIOLATION: 'This breaks a policy rule',
  },
};

/** Roles, regions, units and error codes: the enums every mechanism shows. */
export const organisationLabels = {
  'zh-CN': {
    Role: roleLabels['zh-CN'],
    RegionLevel: regionLevelLabels['zh-CN'],
    VillageKind: villageKindLabels['zh-CN'],
    UnitKind: unitKindLabels['zh-CN'],
    BackingLevel: backingLevelLabels['zh-CN'],
    ErrorCode: errorCodeLabels['zh-CN'],
  },
  en: {
    Role: roleLabels.en,
    RegionLevel: regionLevelLabels.en,
    VillageKind: villageKindLabels.en,
    UnitKind: unitKindLabels.en,
    BackingLevel: backingLevelLabels.en,
    ErrorCode: errorCodeLabels.en,
  },
};
