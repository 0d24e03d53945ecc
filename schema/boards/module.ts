// The boards module: the local governments (besturen) every programme serves.
import { count } from "drizzle-orm";
import type { Database } from "../../db/client.js";
import { boards } from "../../db/schema/boards.js";
import { defineModule, seedOnce } from "../shared/module.js";
import { boardCreated, boardUpdated } from "./boards.events.js";
import { boardCreate, boardUpdate } from "./boards.policy.js";
import { boardLoader } from "./boards.service.js";

const boardCount = async (database: Database) => (await database.db.select({ n: count() }).from(boards))[0]?.n ?? 0;

export const boardsModule = defineModule({
  name: "boards",
  nodes: { Board: (ctx, id) => boardLoader(ctx).load(id) },
  events: [boardCreated, boardUpdated],
  policies: [boardCreate, boardUpdate],
  access: [
    { field: "Query.boards", action: "public" },
    { field: "Query.board", action: "public" },
    { field: "Mutation.createBoard", action: boardCreate },
    { field: "Mutation.updateBoard", action: boardUpdate },
    { field: "Subscription.boardChanged", action: "public" },
  ],
  // Seed data is imported when a seed runs: serving requests (a Lambda cold start) never loads it.
  seed: {
    sources: seedOnce(boards, "boards", async (tx) => {
      const { BOARDS } = await import("../../db/seed/data.js");
      await tx.insert(boards).values(BOARDS);
      return { boards: BOARDS.length };
    }),
    /** Tops the boards up with synthetic ones to a sector-sized set. */
    async sector(database, progress) {
      const { SECTOR_BOARD_COUNT, syntheticBoards } = await import("../../db/seed/sector.js");
      const missing = SECTOR_BOARD_COUNT - (await boardCount(database));
      if (missing <= 0) return {};
      const synthetic = syntheticBoards(missing);
      const batch = 100;
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < synthetic.length; i += batch) {
          await tx.insert(boards).values(synthetic.slice(i, i + batch));
          progress("synthetic boards", Math.min(i + batch, synthetic.length), synthetic.length);
        }
      });
      return { boards: synthetic.length };
    },
  },
});
