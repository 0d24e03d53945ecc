import type { boards } from "../../db/schema/boards.js";
import type { Connection } from "../shared/relay.js";

export type BoardMapper = typeof boards.$inferSelect;
export type BoardConnectionMapper = Connection<BoardMapper>;
