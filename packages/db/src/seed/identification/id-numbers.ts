/** GB 11643-1999 weights of the first 17 characters of a resident ID number, and the check characters. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * Hands out unique, valid ID numbers: area code + birth date + a sequence number (odd for men, even for
 * women) from [firstSequence, lastSequence] + the check character. Demo data and generated import files
 * use disjoint sequence ranges so they never collide.
 */
export function createIdNumberIssuer(areaCode: string, firstSequence: number, lastSequence: number) {
  const next = new Map<string, number>();
  return (birthDate: string, male: boolean): string => {
    const compact = birthDate.replaceAll('-', '');
    const key = `${compact}${male ? 'm' : 'f'}`;
    let sequence = next.get(key) ?? firstSequence;
    if (sequence % 2 !== (male ? 1 : 0)) sequence += 1;
    if (sequence > lastSequence) throw new Error(`no ID sequence numbers left for ${birthDate}`);
    next.set(key, sequence + 2);
    const first17 = `${areaCode}${compact}${String(sequence).padStart(3, '0')}`;
    return first17 + idCheckCharacter(first17);
  };
}
