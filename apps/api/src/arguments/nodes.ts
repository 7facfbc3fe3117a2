import { NotFoundError } from '../errors';
import { encodeGlobalId } from './global-id';

// How the ORM plugin's node loader says a row does not exist.
const MISSING_ROW = /^Model \w+\(.*\) not found$/;

/** A node the caller asked for by a well-formed ID: NOT_FOUND, not an internal error, when no row has it. */
export async function nodeOrNotFound(load: unknown, id: { typename: string; id: string }): Promise<unknown> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof Error && MISSING_ROW.test(error.message)) {
      const missing = new NotFoundError(id.typename, encodeGlobalId(id.typename, id.id));
      missing.message = `未找到该记录 (no ${id.typename} with this id): ${encodeGlobalId(id.typename, id.id)}`;
      throw missing;
    }
    throw error;
  }
}
