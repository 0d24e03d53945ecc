// The base module: the root fields every module shares (node lookup, the viewer).
import { defineModule } from "../shared/module.js";

export const baseModule = defineModule({
  name: "base",
  access: [
    { field: "Query.node", action: "public", note: "null for an object the actor may not see" },
    { field: "Query.nodes", action: "public", note: "null for each object the actor may not see" },
    { field: "Query.viewer", action: "public" },
  ],
});
