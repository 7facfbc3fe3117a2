/** 138****1234: keeps the first three and last four digits of a phone number. */
export function maskPhone(phone: string | null): string | null {
  if (phone === null) return null;
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** 430000********1234: keeps the six-digit area code and the last four characters of an ID number. */
export function maskIdNumber(idNumber: string | null): string | null {
  if (idNumber === null) return null;
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
