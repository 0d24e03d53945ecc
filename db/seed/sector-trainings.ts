// Placeholder: the sector-sized synthetic trainings data is being built.
import type { SeedStep } from "../../schema/shared/module.js";

/** Adds the sector-sized synthetic employees, sessions, enrolments and programme records. */
export const seedTrainingsSector: SeedStep = async () => ({});
