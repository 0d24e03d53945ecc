// The boards module's events. Boards are public bodies, so their events are public; the payload
// names the board and what changed, and a consumer asks the API for the rest.
import { z } from "zod";
import { defineEvent } from "../shared/events.js";

const boardFields = z.enum(["name", "kind", "nisCode", "province", "population", "belfiusCluster"]);

export const boardCreated = defineEvent({
  name: "board.created",
  version: 1,
  entityType: "Board",
  description: "A board was added.",
  payload: z.strictObject({ boardId: z.string(), name: z.string(), kind: z.string(), province: z.string() }),
  audience: "public",
});

export const boardUpdated = defineEvent({
  name: "board.updated",
  version: 1,
  entityType: "Board",
  description: "A board's fields changed; `changed` names them.",
  payload: z.strictObject({ boardId: z.string(), changed: z.array(boardFields) }),
  audience: "public",
});

export const BOARD_FIELDS = boardFields.options;
