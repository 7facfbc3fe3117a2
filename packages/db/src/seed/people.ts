import type { Random } from './random';

const SURNAMES = [
  '盘',
  '赵',
  '李',
  '黄',
  '邓',
  '唐',
  '蒋',
  '冯',
  '周',
  '陈',
  '刘',
  '王',
  '张',
  '杨',
  '朱',
  '何',
  '胡',
  '邱',
  '奉',
  '任',
  '彭',
  '郑',
  '谢',
  '罗',
  '龙',
  '欧阳',
  '沈',
  '文',
  '钟',
  '廖',
] as const;

const GIVEN_NAME_CHARS = [
  '建',
  '国',
  '华',
  '明',
  '军',
  '平',
  '林',
  '红',
  '英',
  '秀',
  '芳',
  '春',
  '志',
  '文',
  '德',
  '福',
  '贵',
  '荣',
  '成',
  '海',
  '玉',
  '兰',
  '桂',
  '生',
  '伟',
  '强',
  '勇',
  '丽',
  '敏',
  '静',
  '辉',
  '斌',
  '涛',
  '燕',
  '霞',
  '新',
  '云',
  '亮',
  '军',
  '凤',
] as const;

export function personName(random: Random): string {
  const given =
    random.next() < 0.5
      ? random.pick(GIVEN_NAME_CHARS)
      : random.pick(GIVEN_NAME_CHARS) + random.pick(GIVEN_NAME_CHARS);
  return random.pick(SURNAMES) + given;
}

export function mobilePhone(random: Random): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}
