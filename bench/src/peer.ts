import type { Database } from '@gongjian/db';
import { regions, units } from '@gongjian/db/schema';
import { and, asc, count, eq, like } from 'drizzle-orm';
import {
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  graphql,
} from 'graphql';

/**
 * The peer baseline: the villages page served by plain resolvers that query per parent row (the N+1 shape
 * most hand-written GraphQL servers have). Same rows, same jurisdiction filter, no planning.
 */
type Region = typeof regions.$inferSelect;

export function peerSchema(db: Database, regionPath: string) {
  const RegionType: GraphQLObjectType<Region> = new GraphQLObjectType<Region>({
    name: 'Region',
    fields: () => ({
      id: { type: new GraphQLNonNull(GraphQLString), resolve: (r) => String(r.id) },
      name: { type: new GraphQLNonNull(GraphQLString) },
      villageKind: { type: GraphQLString },
      parent: {
        type: RegionType,
        resolve: async (r) =>
          r.parentId ? (await db.select().from(regions).where(eq(regions.id, r.parentId)))[0] : null,
      },
      unitCount: {
        type: new GraphQLNonNull(GraphQLInt),
        resolve: async (r) =>
          (await db.select({ n: count() }).from(units).where(eq(units.regionId, r.id)))[0]!.n,
      },
    }),
  });
  const query = new GraphQLObjectType({
    name: 'Query',
    fields: {
      villages: {
        type: new GraphQLList(RegionType),
        args: { first: { type: GraphQLInt } },
        resolve: async (_root, args: { first?: number }) =>
          await db
            .select()
            .from(regions)
            .where(and(eq(regions.level, 'VILLAGE'), like(regions.regionPath, `${regionPath}%`)))
            .orderBy(asc(regions.parentId), asc(regions.sortOrder), asc(regions.id))
            .limit(args.first ?? 20),
      },
    },
  });
  const schema = new GraphQLSchema({ query });
  return (source: string) => graphql({ schema, source });
}

export const PEER_VILLAGES_QUERY =
  '{ villages(first: 50) { id name villageKind parent { name } unitCount } }';
