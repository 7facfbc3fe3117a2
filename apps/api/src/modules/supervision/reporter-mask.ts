import { maskPhone } from '../../auth/masking';

/** A named reporter's identity as a read shows it (masked unless revealed). */
export interface ReporterView {
  name: string;
  phone: string | null;
}

/** 张** : the surname and a star for each other character. */
export function maskReporter(reporter: ReporterView): ReporterView {
  return {
    name: `${reporter.name.slice(0, 1)}${'*'.repeat(Math.max(1, reporter.name.length - 1))}`,
    phone: maskPhone(reporter.phone),
  };
}
