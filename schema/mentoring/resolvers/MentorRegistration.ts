import { toGlobalId } from "../../shared/relay.js";
import type { MentorRegistrationResolvers } from "./../../types.generated.js";
import { projectOf } from "../registrations.service.js";

export const MentorRegistration: MentorRegistrationResolvers = {
  id: (registration) => toGlobalId("MentorRegistration", registration.id),
  project: (registration, _args, ctx) => projectOf(ctx, registration.projectId),
  registeredAt: (registration) => registration.createdAt,
};
