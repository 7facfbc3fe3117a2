/** The type name and numeric id inside a relay global id. */
export const decodeGlobalId = (value: string) => {
  const [type, id] = Buffer.from(value, 'base64').toString('utf8').split(':');
  return { type, id: Number(id) };
};
