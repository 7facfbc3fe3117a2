import { GIVEN_NAME_CHARS, SURNAMES } from './names';
import type { Random } from './random';

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
