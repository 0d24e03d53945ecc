// Who may change boards. Reading boards is public: they are public bodies.
import { definePolicy, editors } from "../shared/policy.js";

export const boardCreate = definePolicy("board.create", "Create a board", editors);
export const boardUpdate = definePolicy("board.update", "Change a board", editors);
