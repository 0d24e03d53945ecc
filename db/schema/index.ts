// Every table of the application, for drizzle's relational queries and drizzle-kit.
export * from "./boards.js";
export * from "./organisations.js";
export * from "./audit.js";
export * from "./funding.js";
