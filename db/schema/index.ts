// Every table of the application, for drizzle's relational queries and drizzle-kit.

export * from "./aggregates.js";
export * from "./audit.js";
export * from "./boards.js";
export * from "./campaigns.js";
export * from "./funding.js";
export * from "./labolokaal.js";
export * from "./mentoring.js";
export * from "./organisations.js";
export * from "./partners.js";
export * from "./programme.js";
export * from "./programmes.js";
export * from "./rate-limits.js";
export * from "./trainings.js";
